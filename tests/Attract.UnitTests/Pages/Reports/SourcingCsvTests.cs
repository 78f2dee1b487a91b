using Attract.Web.Pages.Reports;

namespace Attract.UnitTests.Pages.Reports;

public class SourcingCsvTests
{
    [Theory]
    [InlineData("Backend Engineer", "Backend Engineer")]
    [InlineData("Engineer, Platform", "\"Engineer, Platform\"")]
    [InlineData("The \"best\" job", "\"The \"\"best\"\" job\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Field_Value_QuotedAndGuarded(string value, string expected) =>
        Assert.Equal(expected, SourcingCsv.Field(value));

    [Fact]
    public void Write_NoRows_HeaderAndTotalsOnly()
    {
        var text = System.Text.Encoding.UTF8.GetString(SourcingCsv.Write([], new SourcingFigures(0, 0, 0, 0, 0, 0, 0, null, null))[3..]);

        Assert.Equal(string.Join(',', SourcingCsv.Header) + "\r\nTotal,,,,,0,0,,0,,0,,0,0,0,,\r\n", text);
    }
}
