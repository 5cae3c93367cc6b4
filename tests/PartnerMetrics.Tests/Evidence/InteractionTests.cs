using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Tests.Evidence;

public class InteractionTests
{
    private static readonly DateOnly Day = new(2025, 6, 2);

    [Fact]
    public void Constructor_ResponseTimeOnNonRequest_Throws() =>
        Rejects.Field<ArgumentException>(() => new Interaction(Day, InteractionKind.Meeting, Side.Partner, TimeSpan.FromHours(1)), "responseTime", "Meeting");

    [Fact]
    public void Constructor_NegativeResponseTime_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new Interaction(Day, InteractionKind.Request, Side.Partner, TimeSpan.FromHours(-2)), "responseTime", "-02:00:00");

    [Fact]
    public void Constructor_ResolvedOnOnNonEscalation_Throws() =>
        Rejects.Field<ArgumentException>(() => new Interaction(Day, InteractionKind.Request, Side.Vendor, resolvedOn: Day), "resolvedOn", "Request");

    /// <summary>The kind is named with its article: it read "this interaction is a Escalation" and "a Email".</summary>
    [Theory]
    [InlineData(InteractionKind.Escalation, "responseTime", "this interaction is an Escalation.")]
    [InlineData(InteractionKind.Email, "responseTime", "this interaction is an Email.")]
    [InlineData(InteractionKind.Email, "resolvedOn", "this interaction is an Email.")]
    [InlineData(InteractionKind.JointEvent, "resolvedOn", "this interaction is a JointEvent.")]
    public void Constructor_AnOutcomeOfAnotherKind_NamesTheKindWithItsArticle(InteractionKind kind, string field, string says) =>
        Rejects.Field<ArgumentException>(
            () => field == "responseTime" ? new Interaction(Day, kind, Side.Partner, TimeSpan.FromHours(1)) : new Interaction(Day, kind, Side.Partner, resolvedOn: Day),
            field,
            says);

    [Fact]
    public void Constructor_EscalationResolvedBeforeRaised_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new Interaction(Day, InteractionKind.Escalation, Side.Vendor, resolvedOn: Day.AddDays(-1)), "resolvedOn", "2025-06-01");

    [Fact]
    public void Constructor_UndefinedKind_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new Interaction(Day, (InteractionKind)99, Side.Vendor), "kind", "99");

    [Fact]
    public void Constructor_UndefinedSide_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new Interaction(Day, InteractionKind.Call, (Side)2), "initiatedBy", "2");

    [Fact]
    public void Constructor_RequestAndEscalation_KeepTheirOutcome()
    {
        Assert.Equal(TimeSpan.Zero, new Interaction(Day, InteractionKind.Request, Side.Partner, TimeSpan.Zero).ResponseTime);
        Assert.Null(new Interaction(Day, InteractionKind.Request, Side.Partner).ResponseTime);
        Assert.Equal(Day, new Interaction(Day, InteractionKind.Escalation, Side.Partner, resolvedOn: Day).ResolvedOn);
    }
}
