-- One vector per document: the primary key is what makes a redelivered job harmless (workers insert with
-- ON CONFLICT DO NOTHING), so each document is embedded exactly once whatever the stream does.
CREATE TABLE embeddings (
    document_id bigint      PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    model       text        NOT NULL,
    vector      float4[]    NOT NULL,
    device      text        NOT NULL,
    worker      text        NOT NULL,
    embedded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT embeddings_vector_dimension CHECK (array_length(vector, 1) = 512)
);
