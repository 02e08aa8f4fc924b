using System.Text;
using Claims.Api.Extraction;

namespace Claims.Api.Tests.Extraction;

/// <summary>How article files are read: the plain-text header, JSON, and the errors that name what is wrong.</summary>
public sealed class ArticleFileTests
{
    static ArticleRequest Parse(string name, string content) => ArticleFile.Parse(name, Encoding.UTF8.GetBytes(content));

    static string Error(string name, string content) => Assert.Throws<ArticleFileException>(() => Parse(name, content)).Message;

    [Fact]
    public void TheHeaderFillsTheSourceFieldsAndTheBodyIsEverythingAfterTheBlankLine()
    {
        var article = Parse("grain.txt", "Title: Ministers agree\nurl: https://example.org/a\nPUBLISHER:  Example Wire \nPublished: 2024-03-05\n"
            + "Language: en\n\n  “We agreed,” she said.\n\nSecond paragraph.\n");

        Assert.Equal(new ArticleRequest("https://example.org/a", "Example Wire", new DateOnly(2024, 3, 5), "en", "Ministers agree",
            "  “We agreed,” she said.\n\nSecond paragraph.\n"), article);
    }

    [Fact]
    public void HeaderLinesMayEndInCarriageReturnsAndKeysMayBeLeftOutOrEmpty()
    {
        var article = Parse("crlf.txt", "Title:\r\nLanguage: de\r\n\r\nText.\r\n");

        Assert.Equal(new ArticleRequest(Language: "de", Body: "Text.\r\n"), article);
    }

    [Theory]
    [InlineData(" date 2020-02-12 BRUSSELS, February 12. /TASS/. NATO said.")]
    [InlineData("HOST: Good evening.\n\nGUEST: Good evening.")]
    [InlineData("BRUSSELS: NATO said.\n\nTitle: not a header after the first line")]
    public void AFileThatDoesNotOpenWithAHeaderKeyIsAllBody(string content)
    {
        Assert.Equal(new ArticleRequest(Body: content), Parse("body.txt", content));
    }

    [Fact]
    public void AByteOrderMarkIsNotPartOfTheBody()
    {
        var article = ArticleFile.Parse("bom.txt", [.. "\uFEFF"u8, .. "Text."u8]);

        Assert.Equal("Text.", article.Body);
    }

    [Theory]
    [InlineData("Title: A\nPublished: 5 March 2024\n\nText.", "bad.txt line 2: Published '5 March 2024' is not a date; write it as yyyy-MM-dd.")]
    [InlineData("Title: A\nPublished: 2024-02-30\n\nText.", "bad.txt line 2: Published '2024-02-30' is not a date; write it as yyyy-MM-dd.")]
    [InlineData("Title: A\nAuthor: B\n\nText.", "bad.txt line 2: unknown header key 'Author'; the keys are Title, URL, Publisher, Published, Language.")]
    [InlineData("Title: A\ntitle: B\n\nText.", "bad.txt line 2: 'title' is given twice.")]
    [InlineData("Title: A\nThe body without a blank line.\n", "bad.txt line 2: 'The body without a blank line.' is not a 'Key: value' header line (a blank line ends the header).")]
    [InlineData("Title: A\nLanguage: en", "bad.txt: the header is not ended by a blank line; the body starts after the first one.")]
    public void AHeaderThatCannotBeReadNamesItsLine(string content, string message)
    {
        Assert.Equal(message, Error("bad.txt", content));
    }

    [Fact]
    public void InvalidUtf8NamesTheByte()
    {
        var error = Assert.Throws<ArticleFileException>(() => ArticleFile.Parse("latin1.txt", [.. "Caf"u8, 0xE9, .. " au lait"u8]));

        Assert.Equal("latin1.txt: not valid UTF-8 (byte 3 is not part of a UTF-8 character).", error.Message);
    }

    [Fact]
    public void JsonHoldsTheFieldsOfAnArticleRequest()
    {
        var article = Parse("a.JSON", """
            {"url": "https://example.org/b", "publisher": "Example", "publishedOn": "2024-03-05", "language": "fr",
             "Title": null, "body": "« Nous verrons », a-t-il dit. 😀"}
            """);

        Assert.Equal(new ArticleRequest("https://example.org/b", "Example", new DateOnly(2024, 3, 5), "fr", null, "« Nous verrons », a-t-il dit. 😀"),
            article);
    }

    [Theory]
    [InlineData("""["body"]""", "a.json: an article in JSON is an object with a 'body' (and url, publisher, publishedOn, language, title), not an array.")]
    [InlineData("""{"title": "T"}""", "a.json: field 'body' is missing; it holds the article's text.")]
    [InlineData("""{"body": 7}""", "a.json: field 'body' must be a string, not a number.")]
    [InlineData("""{"body": "x", "author": "B"}""", "a.json: unknown field 'author'; the fields are url, publisher, publishedOn, language, title, body.")]
    [InlineData("""{"body": "x", "publishedOn": "2024-3-5"}""", "a.json field 'publishedOn': '2024-3-5' is not a date; write it as yyyy-MM-dd.")]
    [InlineData("""{"sourceId": "0195e2a4-0000-7000-8000-000000000000"}""", "a.json: field 'sourceId' is not for a file; an article file holds the article's body.")]
    [InlineData("""{"body": "broken \ud800 text"}""", "a.json: field 'body' is not valid Unicode (a lone surrogate escape).")]
    public void JsonOfTheWrongShapeNamesTheField(string json, string message)
    {
        Assert.Equal(message, Error("a.json", json));
    }

    [Theory]
    [InlineData("""{"body": "x", "body": "y"}""")]
    [InlineData("""{"body": "x" """)]
    public void InvalidJsonOrARepeatedFieldIsAnError(string json)
    {
        Assert.StartsWith("a.json: not valid JSON: ", Error("a.json", json));
    }
}
