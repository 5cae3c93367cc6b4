using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Serialization;

/// <summary>
/// Writes a portfolio straight from the model with a <see cref="Utf8JsonWriter"/>, with no intermediate documents:
/// the fast path of <see cref="PartnerMetricsJson"/> for its largest document. The bytes are those the documents
/// write (the same names in the same order, nothing for a missing value, the same formats for days, durations,
/// numbers and names, the same escaping); <c>PortfolioWriterTests</c> compares the two on generated portfolios.
/// </summary>
internal static class PortfolioWriter
{
    /// <summary>Output is handed to the stream each time this much is pending, so memory does not grow with the portfolio.</summary>
    private const int FlushAt = 1 << 16;

    /// <summary>Writes the portfolio, flushing the writer as it goes.</summary>
    public static void Write(Utf8JsonWriter writer, Portfolio portfolio)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("partnerships"u8);
        foreach (var partnership in portfolio.Partnerships)
        {
            Write(writer, partnership);
            Flush(writer);
        }

        writer.WriteEndArray();
        Items(writer, "opportunities"u8, portfolio.Opportunities, Write, flush: true);
        Items(writer, "revenueSnapshots"u8, portfolio.RevenueSnapshots, Write, flush: true);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void Write(Utf8JsonWriter writer, Partnership partnership)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("partner"u8);
        Write(writer, partnership.Partner);
        Date(writer, "startedOn"u8, partnership.StartedOn);
        writer.WriteStartArray("requiredCompetencies"u8);
        foreach (var competency in partnership.RequiredCompetencies)
        {
            writer.WriteStringValue(competency);
        }

        writer.WriteEndArray();
        Items(writer, "commitments"u8, partnership.Commitments, Write);
        Items(writer, "interactions"u8, partnership.Interactions, Write);
        Items(writer, "certifications"u8, partnership.Certifications, Write);
        Items(writer, "deliveries"u8, partnership.Deliveries, Write);
        if (partnership.JointPlan is { } plan)
        {
            writer.WritePropertyName("jointPlan"u8);
            Write(writer, plan);
        }

        Items(writer, "opportunities"u8, partnership.Opportunities, Write);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Partner partner)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, partner.Id.Value);
        Text(writer, "name"u8, partner.Name);
        Enum(writer, "type"u8, partner.Type);
        Text(writer, "tier"u8, partner.Tier);
        Text(writer, "district"u8, partner.District);
        Date(writer, "onboardedOn"u8, partner.OnboardedOn);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Commitment commitment)
    {
        writer.WriteStartObject();
        Enum(writer, "promisedBy"u8, commitment.PromisedBy);
        Date(writer, "dueOn"u8, commitment.DueOn);
        Enum(writer, "outcome"u8, commitment.Outcome);
        Date(writer, "resolvedOn"u8, commitment.ResolvedOn);
        Text(writer, "description"u8, commitment.Description);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Interaction interaction)
    {
        writer.WriteStartObject();
        Date(writer, "date"u8, interaction.Date);
        Enum(writer, "kind"u8, interaction.Kind);
        Enum(writer, "initiatedBy"u8, interaction.InitiatedBy);
        Duration(writer, "responseTime"u8, interaction.ResponseTime);
        Date(writer, "resolvedOn"u8, interaction.ResolvedOn);
        Text(writer, "subject"u8, interaction.Subject);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Certification certification)
    {
        writer.WriteStartObject();
        Text(writer, "competency"u8, certification.Competency);
        Date(writer, "obtainedOn"u8, certification.ObtainedOn);
        Date(writer, "expiresOn"u8, certification.ExpiresOn);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Delivery delivery)
    {
        writer.WriteStartObject();
        Date(writer, "date"u8, delivery.Date);
        writer.WriteBoolean("onTime"u8, delivery.OnTime);
        RoundTripDoubleConverter.Write(writer, "satisfaction"u8, delivery.Satisfaction);
        Text(writer, "description"u8, delivery.Description);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, JointPlan plan)
    {
        writer.WriteStartObject();
        Date(writer, "createdOn"u8, plan.CreatedOn);
        Duration(writer, "reviewCadence"u8, plan.ReviewCadence);
        Items(writer, "reviews"u8, plan.Reviews, Write);
        Items(writer, "goals"u8, plan.Goals, Write);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, PlanReview review)
    {
        writer.WriteStartObject();
        Date(writer, "on"u8, review.On);
        if (review.BusinessAlignment is { } alignment)
        {
            RoundTripDoubleConverter.Write(writer, "businessAlignment"u8, alignment);
        }

        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, PlanGoal goal)
    {
        writer.WriteStartObject();
        Text(writer, "title"u8, goal.Title);
        Enum(writer, "owner"u8, goal.Owner);
        if (goal.Target is { } target)
        {
            writer.WriteStartObject("target"u8);
            writer.WriteNumber("value"u8, target.Value);
            Text(writer, "unit"u8, target.Unit);
            writer.WriteEndObject();
        }

        Date(writer, "startsOn"u8, goal.StartsOn);
        Date(writer, "dueOn"u8, goal.DueOn);
        Items(writer, "checkIns"u8, goal.CheckIns, Write);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, GoalCheckIn checkIn)
    {
        writer.WriteStartObject();
        Date(writer, "on"u8, checkIn.On);
        RoundTripDoubleConverter.Write(writer, "progress"u8, checkIn.Progress);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Opportunity opportunity)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, opportunity.Id.Value);
        writer.WriteString("accountId"u8, opportunity.AccountId.Value);
        if (opportunity.PartnerId is { } partner)
        {
            writer.WriteString("partnerId"u8, partner.Value);
        }

        Text(writer, "district"u8, opportunity.District);
        Enum(writer, "motion"u8, opportunity.Motion);
        Enum(writer, "source"u8, opportunity.Source);
        Enum(writer, "route"u8, opportunity.Route);
        Enum(writer, "outcome"u8, opportunity.Outcome);
        if (opportunity.Amount is { } amount)
        {
            writer.WriteNumber("amount"u8, amount);
        }

        Date(writer, "createdOn"u8, opportunity.CreatedOn);
        Date(writer, "registeredOn"u8, opportunity.RegisteredOn);
        Date(writer, "lastUpdatedOn"u8, opportunity.LastUpdatedOn);
        Date(writer, "expectedCloseOn"u8, opportunity.ExpectedCloseOn);
        Date(writer, "closedOn"u8, opportunity.ClosedOn);
        Text(writer, "lossReason"u8, opportunity.LossReason);
        Text(writer, "stage"u8, opportunity.Stage);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, RevenueSnapshot snapshot)
    {
        writer.WriteStartObject();
        writer.WriteString("accountId"u8, snapshot.AccountId.Value);
        Date(writer, "date"u8, snapshot.Date);
        writer.WriteNumber("annualRecurringRevenue"u8, snapshot.AnnualRecurringRevenue);
        writer.WriteEndObject();
    }

    private static void Items<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ImmutableArray<T> items, Action<Utf8JsonWriter, T> write, bool flush = false)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            write(writer, item);
            if (flush)
            {
                Flush(writer);
            }
        }

        writer.WriteEndArray();
    }

    private static void Flush(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushAt)
        {
            writer.Flush();
        }
    }

    private static void Text(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Enum<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T value)
        where T : struct, Enum
    {
        writer.WritePropertyName(name);
        EnumNameConverter<T>.WriteName(writer, value);
    }

    private static void Date(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateOnly? value)
    {
        if (value is not { } day)
        {
            return;
        }

        // yyyy-MM-dd, as System.Text.Json writes a DateOnly.
        Span<byte> text = stackalloc byte[10];
        Digits(text[..4], day.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), day.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day.Day);
        writer.WriteString(name, text);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static void Duration(Utf8JsonWriter writer, ReadOnlySpan<byte> name, TimeSpan? value)
    {
        if (value is not { } duration)
        {
            return;
        }

        // The constant ("c") format, as System.Text.Json writes a TimeSpan.
        Span<byte> text = stackalloc byte[26];
        Utf8Formatter.TryFormat(duration, text, out var written, 'c');
        writer.WriteString(name, text[..written]);
    }
}
