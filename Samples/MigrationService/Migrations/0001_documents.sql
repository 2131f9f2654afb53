-- Documents as submitted; the text is what gets embedded.
CREATE TABLE documents (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      text        NOT NULL DEFAULT '',
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
