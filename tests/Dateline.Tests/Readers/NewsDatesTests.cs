using Dateline.Readers;

namespace Dateline.Tests.Readers;

public class NewsDatesTests
{
    [Theory]
    [InlineData("27 November 2025", "2025-11-27")]
    [InlineData("Thursday, 27 November 2025", "2025-11-27")]
    [InlineData("November 27, 2025", "2025-11-27")]
    [InlineData("Nov. 27, 2025 10:45 AM", "2025-11-27T10:45:00")]
    [InlineData("Nov 27 2025 3:05 pm GMT", "2025-11-27T15:05:00Z")]
    [InlineData("2025-11-27", "2025-11-27")]
    [InlineData("2025-11-27T08:30:00+02:00", "2025-11-27T08:30:00+02:00")]
    [InlineData("27.11.2025", "2025-11-27")]
    [InlineData("27 novembre 2025", "2025-11-27")]
    [InlineData("3. März 2024", "2024-03-03")]
    public void TryParseAbsolute_Forms(string input, string iso)
    {
        Assert.True(NewsDates.TryParseAbsolute(input, out var d));
        Assert.Equal(iso, d.Iso);
    }

    [Theory]
    [InlineData("31 February 2025")]
    [InlineData("the 27th")]
    [InlineData("2025")]
    public void TryParseAbsolute_Invalid_False(string input) => Assert.False(NewsDates.TryParseAbsolute(input, out _));

    [Theory]
    [InlineData("2 sec ago", "2025-11-27T11:59:58Z")]
    [InlineData("5 mins ago", "2025-11-27T11:55:00Z")]
    [InlineData("an hour ago", "2025-11-27T11:00:00Z")]
    [InlineData("yesterday", "2025-11-26T12:00:00Z")]
    [InlineData("3 days ago", "2025-11-24T12:00:00Z")]
    public void TryParseRelative_AgainstDateTime(string input, string iso)
    {
        Assert.True(NewsDates.TryParseUserDate("2025-11-27T12:00:00Z", out var r));
        Assert.True(NewsDates.TryParseRelative(input, r, out var d, out _));
        Assert.Equal(iso, d.Iso);
    }

    [Fact]
    public void TryParseRelative_DateOnlyReference_KeepsDayForSubDayDeltas()
    {
        Assert.True(NewsDates.TryParseUserDate("2025-11-27", out var r));
        Assert.True(NewsDates.TryParseRelative("2 sec ago", r, out var d, out _));
        Assert.Equal("2025-11-27", d.Iso);
        Assert.True(NewsDates.TryParseRelative("2 days ago", r, out d, out _));
        Assert.Equal("2025-11-25", d.Iso);
    }
}
