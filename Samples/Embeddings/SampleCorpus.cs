using System.Text;

namespace Embeddings;

/// <summary>A deterministic corpus for tests, benchmarks and the device check: each document has three topic words of
/// its own among common filler words, and <see cref="Query"/> asks for them, so the expected best match is known.</summary>
public static class SampleCorpus
{
    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "bo", "da", "fi", "gu", "he", "ji",
        "ko", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo", "ba", "de", "fo", "ga", "hi", "ju",
    ];

    private static readonly string[] Common =
    [
        "the", "report", "describes", "how", "a", "team", "measured", "results", "over", "several", "weeks", "and", "found",
        "that", "system", "performance", "improved", "after", "changes", "to", "configuration", "network", "storage", "in",
        "production", "with", "careful", "monitoring", "of", "latency", "errors", "users", "data", "service", "release",
        "notes", "summary", "analysis", "budget", "plan", "meeting", "customer", "feedback", "design", "review", "test",
    ];

    /// <summary>Document <paramref name="index"/> (0-based): a title and a text of about thirty words.</summary>
    public static (string Title, string Text) Document(int index)
    {
        var random = new Random(index);
        var text = new StringBuilder();
        var topics = Topics(index);
        // Each topic word twice, as a document mentions what it is about more than once.
        for (var i = 0; i < 24; i++)
        {
            if (i % 4 == 1)
                text.Append(topics[(i / 4) % 3]).Append(' ');
            text.Append(Common[random.Next(Common.Length)]).Append(i % 12 == 11 ? ". " : " ");
        }

        return ($"Note {index}: {topics[0]}", text.ToString().Trim());
    }

    /// <summary>A query whose best match is document <paramref name="index"/>.</summary>
    public static string Query(int index)
    {
        var topics = Topics(index);
        return $"{topics[2]} and {topics[0]} {topics[1]}";
    }

    /// <summary>The three words only document <paramref name="index"/> contains.</summary>
    public static string[] Topics(int index) => [Word(index * 3), Word((index * 3) + 1), Word((index * 3) + 2)];

    // The first three syllables spell n in base 32, so words are distinct for n below 32768 (10,922 documents).
    private static string Word(int n) =>
        Syllables[n % 32] + Syllables[(n / 32) % 32] + Syllables[(n / 1024) % 32] + Syllables[(n * 7 + 3) % 32];
}
