using System.Buffers.Text;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Serialization;

/// <summary>
/// Reads a portfolio document in one pass of a <see cref="Utf8JsonReader"/> straight into the model, with no
/// intermediate documents: the fast path of <see cref="PartnerMetricsJson"/> for its largest document.
/// </summary>
/// <remarks>
/// <para>
/// It accepts only what it can read with certainty: the document form the library writes, in any order of
/// properties, with any whitespace. Anything else (a <c>null</c>, a property given twice, a name in another
/// case, a single-value plan or goal, a value the model rejects, JSON that is not valid) makes
/// <see cref="TryRead"/> return <see langword="false"/> without a word, and the caller reads the document
/// again through the documents and System.Text.Json, which either accept it or say exactly what is wrong, at
/// which path. So a document reads to the same portfolio, or fails with the same message, whichever path reads
/// it; <c>PortfolioReaderTests</c> compares the two on generated portfolios.
/// </para>
/// <para>
/// The values are read as the converters of the document path read them (the same parsers, with the same
/// limits), and the model is built by the same constructors, which validate. A reader holds scratch lists, so
/// one is used by one thread at a time.
/// </para>
/// </remarks>
internal sealed class PortfolioReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = PartnerMetricsJson.MaxDepth };

    private readonly List<Partnership> partnerships = [];
    private readonly List<Opportunity> portfolioOpportunities = [];
    private readonly List<Opportunity> opportunities = [];
    private readonly List<RevenueSnapshot> snapshots = [];
    private readonly List<string> competencies = [];
    private readonly List<Commitment> commitments = [];
    private readonly List<Interaction> interactions = [];
    private readonly List<Certification> certifications = [];
    private readonly List<Delivery> deliveries = [];
    private readonly List<PlanGoal> goals = [];
    private readonly List<PlanReview> reviews = [];
    private readonly List<GoalCheckIn> checkIns = [];

    // The texts a portfolio repeats (districts, tiers, stages, loss reasons, competencies, units, a deal's partner) are
    // read through one cache, so that they are one string each, not one per occurrence.
    private readonly TextCache texts = new();

    // The readers of the items that read shared texts, made once: a method group of an instance is a new delegate each time.
    private readonly ItemReader<Opportunity> opportunity;
    private readonly ItemReader<Certification> certification;
    private readonly ItemReader<string> competency;

    public PortfolioReader()
    {
        opportunity = Opportunity;
        certification = Certification;
        competency = Competency;
    }

    private delegate T ItemReader<T>(ref Utf8JsonReader reader);

    /// <summary>Reads a whole document that holds one portfolio object.</summary>
    /// <param name="utf8Json">The document, without a byte-order mark.</param>
    /// <param name="portfolio">The portfolio; <see langword="null"/> when the document is left to the document path.</param>
    /// <returns><see langword="true"/> when the document was read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out Portfolio? portfolio)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            portfolio = new PortfolioReader().Portfolio(ref reader);

            // Whitespace may follow the object; anything else is the document path's to report.
            if (reader.Read())
            {
                portfolio = null;
            }
        }
        catch (Exception error) when (error is Miss or JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            portfolio = null;
        }

        return portfolio is not null;
    }

    /// <summary>
    /// Reads one partnership in place, as an element of a portfolio's <c>partnerships</c> streamed through a buffer
    /// (<see cref="PortfolioJsonReader"/>): <paramref name="reader"/> is on its first token, and is left on its last
    /// when it is read. Each byte is read once: the element's end is not looked for first.
    /// </summary>
    /// <returns>
    /// <see cref="ElementRead.Read"/>; <see cref="ElementRead.Incomplete"/> when the buffer ends inside the element, to
    /// be read again once more is read; or <see cref="ElementRead.Left"/> when it is left to the document path. Unless it
    /// is read, the scratch lists are emptied of what it left in them, for the next.
    /// </returns>
    internal ElementRead TryReadPartnership(ref Utf8JsonReader reader, out Partnership? partnership)
    {
        try
        {
            partnership = Partnership(ref reader);
            return ElementRead.Read;
        }
        catch (Exception error) when (error is Incomplete or Miss or JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            partnership = null;
            foreach (var scratch in (System.Collections.IList[])[competencies, commitments, interactions, certifications, deliveries, goals, reviews, checkIns, opportunities])
            {
                scratch.Clear();
            }

            return error is Incomplete ? ElementRead.Incomplete : ElementRead.Left;
        }
    }

    /// <summary>Reads one opportunity from its whole text, as an element of a portfolio's <c>opportunities</c>.</summary>
    internal bool TryReadOpportunity(ReadOnlySpan<byte> utf8Json, out Opportunity? deal) => TryReadElement(utf8Json, opportunity, out deal);

    /// <summary>Reads one revenue snapshot from its whole text, as an element of a portfolio's <c>revenueSnapshots</c>.</summary>
    internal static bool TryReadSnapshot(ReadOnlySpan<byte> utf8Json, out RevenueSnapshot? snapshot) => TryReadElement(utf8Json, RevenueSnapshot, out snapshot);

    private static bool TryReadElement<T>(ReadOnlySpan<byte> utf8Json, ItemReader<T> item, out T? value)
        where T : class
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            Next(ref reader);
            value = item(ref reader);
            if (reader.Read())
            {
                value = null;
            }
        }
        catch (Exception error) when (error is Miss or JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            value = null;
        }

        return value is not null;
    }

    private Portfolio Portfolio(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        var seen = Properties.Start(ref reader);
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "partnerships"u8, 0))
            {
                Items(ref reader, partnerships, Partnership);
            }
            else if (seen.Is(ref reader, "opportunities"u8, 1))
            {
                Items(ref reader, portfolioOpportunities, opportunity);
            }
            else if (seen.Is(ref reader, "revenueSnapshots"u8, 2))
            {
                Items(ref reader, snapshots, RevenueSnapshot);
            }
            else
            {
                throw new Miss();
            }
        }

        return new Portfolio(
            Take(partnerships),
            Take(portfolioOpportunities),
            Take(snapshots));
    }

    private Partnership Partnership(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        Partner? partner = null;
        DateOnly? startedOn = null;
        JointPlan? plan = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "interactions"u8, 0))
            {
                Items(ref reader, interactions, Interaction);
            }
            else if (seen.Is(ref reader, "commitments"u8, 1))
            {
                Items(ref reader, commitments, Commitment);
            }
            else if (seen.Is(ref reader, "opportunities"u8, 2))
            {
                Items(ref reader, opportunities, opportunity);
            }
            else if (seen.Is(ref reader, "deliveries"u8, 3))
            {
                Items(ref reader, deliveries, Delivery);
            }
            else if (seen.Is(ref reader, "certifications"u8, 4))
            {
                Items(ref reader, certifications, certification);
            }
            else if (seen.Is(ref reader, "partner"u8, 5))
            {
                Next(ref reader);
                partner = Partner(ref reader);
            }
            else if (seen.Is(ref reader, "startedOn"u8, 6))
            {
                startedOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "requiredCompetencies"u8, 7))
            {
                Items(ref reader, competencies, competency);
            }
            else if (seen.Is(ref reader, "jointPlan"u8, 8))
            {
                Next(ref reader);
                plan = JointPlan(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        // Each list is taken before the next is read, so the scratch lists are free for the next partnership.
        return new Partnership(
            partner ?? throw new Miss(),
            startedOn ?? throw new Miss(),
            Take(competencies),
            Take(commitments),
            Take(interactions),
            Take(certifications),
            Take(deliveries),
            plan,
            Take(opportunities));
    }

    private Partner Partner(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        PartnerId? id = null;
        string? name = null, tier = null, district = null;
        PartnerType? type = null;
        DateOnly? onboardedOn = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "id"u8, 0))
            {
                id = Identifier<PartnerId>(ref reader);
            }
            else if (seen.Is(ref reader, "name"u8, 1))
            {
                name = Text(ref reader);
            }
            else if (seen.Is(ref reader, "type"u8, 2))
            {
                type = Enum<PartnerType>(ref reader);
            }
            else if (seen.Is(ref reader, "tier"u8, 3))
            {
                tier = SharedText(ref reader);
            }
            else if (seen.Is(ref reader, "district"u8, 4))
            {
                district = SharedText(ref reader);
            }
            else if (seen.Is(ref reader, "onboardedOn"u8, 5))
            {
                onboardedOn = Date(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new Partner(id ?? throw new Miss(), name!, type ?? throw new Miss(), tier, district, onboardedOn);
    }

    private static Commitment Commitment(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        Side? promisedBy = null;
        DateOnly? dueOn = null, resolvedOn = null;
        CommitmentOutcome? outcome = null;
        string? description = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "promisedBy"u8, 0))
            {
                promisedBy = Enum<Side>(ref reader);
            }
            else if (seen.Is(ref reader, "dueOn"u8, 1))
            {
                dueOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "outcome"u8, 2))
            {
                outcome = Enum<CommitmentOutcome>(ref reader);
            }
            else if (seen.Is(ref reader, "resolvedOn"u8, 3))
            {
                resolvedOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "description"u8, 4))
            {
                description = Text(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new Commitment(promisedBy ?? throw new Miss(), dueOn ?? throw new Miss(), outcome ?? throw new Miss(), resolvedOn, description);
    }

    private static Interaction Interaction(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        DateOnly? date = null, resolvedOn = null;
        InteractionKind? kind = null;
        Side? initiatedBy = null;
        TimeSpan? responseTime = null;
        string? subject = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "date"u8, 0))
            {
                date = Date(ref reader);
            }
            else if (seen.Is(ref reader, "kind"u8, 1))
            {
                kind = Enum<InteractionKind>(ref reader);
            }
            else if (seen.Is(ref reader, "initiatedBy"u8, 2))
            {
                initiatedBy = Enum<Side>(ref reader);
            }
            else if (seen.Is(ref reader, "responseTime"u8, 3))
            {
                responseTime = Duration(ref reader);
            }
            else if (seen.Is(ref reader, "resolvedOn"u8, 4))
            {
                resolvedOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "subject"u8, 5))
            {
                subject = Text(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new Interaction(date ?? throw new Miss(), kind ?? throw new Miss(), initiatedBy ?? throw new Miss(), responseTime, resolvedOn, subject);
    }

    private Certification Certification(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        string? competency = null;
        DateOnly? obtainedOn = null, expiresOn = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "competency"u8, 0))
            {
                competency = SharedText(ref reader);
            }
            else if (seen.Is(ref reader, "obtainedOn"u8, 1))
            {
                obtainedOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "expiresOn"u8, 2))
            {
                expiresOn = Date(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new Certification(competency!, obtainedOn ?? throw new Miss(), expiresOn);
    }

    private static Delivery Delivery(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        DateOnly? date = null;
        bool? onTime = null;
        double? satisfaction = null;
        string? description = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "date"u8, 0))
            {
                date = Date(ref reader);
            }
            else if (seen.Is(ref reader, "onTime"u8, 1))
            {
                Next(ref reader);
                onTime = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw new Miss(),
                };
            }
            else if (seen.Is(ref reader, "satisfaction"u8, 2))
            {
                satisfaction = Number(ref reader);
            }
            else if (seen.Is(ref reader, "description"u8, 3))
            {
                description = Text(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new Delivery(date ?? throw new Miss(), onTime ?? throw new Miss(), satisfaction ?? throw new Miss(), description);
    }

    private JointPlan JointPlan(ref Utf8JsonReader reader)
    {
        // Only the dated form; the single-value form (businessAlignment, lastReviewedOn) is the document path's.
        var seen = Properties.Start(ref reader);
        DateOnly? createdOn = null;
        TimeSpan? cadence = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "createdOn"u8, 0))
            {
                createdOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "reviewCadence"u8, 1))
            {
                cadence = Duration(ref reader);
            }
            else if (seen.Is(ref reader, "reviews"u8, 2))
            {
                Items(ref reader, reviews, PlanReview);
            }
            else if (seen.Is(ref reader, "goals"u8, 3))
            {
                Items(ref reader, goals, PlanGoal);
            }
            else
            {
                throw new Miss();
            }
        }

        return new JointPlan(createdOn ?? throw new Miss(), Take(goals), Take(reviews), cadence);
    }

    private static PlanReview PlanReview(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        DateOnly? on = null;
        double? alignment = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "on"u8, 0))
            {
                on = Date(ref reader);
            }
            else if (seen.Is(ref reader, "businessAlignment"u8, 1))
            {
                alignment = Number(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new PlanReview(on ?? throw new Miss(), alignment);
    }

    private PlanGoal PlanGoal(ref Utf8JsonReader reader)
    {
        // Only the dated form; the single value progress is the document path's.
        var seen = Properties.Start(ref reader);
        string? title = null;
        GoalOwner? owner = null;
        MeasurableTarget? target = null;
        DateOnly? startsOn = null, dueOn = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "title"u8, 0))
            {
                title = Text(ref reader);
            }
            else if (seen.Is(ref reader, "owner"u8, 1))
            {
                owner = Enum<GoalOwner>(ref reader);
            }
            else if (seen.Is(ref reader, "target"u8, 2))
            {
                Next(ref reader);
                target = MeasurableTarget(ref reader);
            }
            else if (seen.Is(ref reader, "startsOn"u8, 3))
            {
                startsOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "dueOn"u8, 4))
            {
                dueOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "checkIns"u8, 5))
            {
                Items(ref reader, checkIns, GoalCheckIn);
            }
            else
            {
                throw new Miss();
            }
        }

        return new PlanGoal(title!, owner ?? throw new Miss(), Take(checkIns), target, startsOn, dueOn);
    }

    private static GoalCheckIn GoalCheckIn(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        DateOnly? on = null;
        double? progress = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "on"u8, 0))
            {
                on = Date(ref reader);
            }
            else if (seen.Is(ref reader, "progress"u8, 1))
            {
                progress = Number(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new GoalCheckIn(on ?? throw new Miss(), progress ?? throw new Miss());
    }

    private MeasurableTarget MeasurableTarget(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        decimal? value = null;
        string? unit = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "value"u8, 0))
            {
                value = Money(ref reader);
            }
            else if (seen.Is(ref reader, "unit"u8, 1))
            {
                unit = SharedText(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new MeasurableTarget(value ?? throw new Miss(), unit!);
    }

    private Opportunity Opportunity(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        OpportunityId? id = null;
        AccountId? accountId = null;
        PartnerId? partnerId = null;
        string? district = null, lossReason = null, stage = null;
        DealMotion? motion = null;
        DealSource? source = null;
        RouteToMarket? route = null;
        DealOutcome? outcome = null;
        decimal? amount = null;
        DateOnly? createdOn = null, registeredOn = null, lastUpdatedOn = null, expectedCloseOn = null, closedOn = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "id"u8, 0))
            {
                id = Identifier<OpportunityId>(ref reader);
            }
            else if (seen.Is(ref reader, "accountId"u8, 1))
            {
                accountId = Identifier<AccountId>(ref reader);
            }
            else if (seen.Is(ref reader, "partnerId"u8, 2))
            {
                partnerId = SharedIdentifier<PartnerId>(ref reader);
            }
            else if (seen.Is(ref reader, "district"u8, 3))
            {
                district = SharedText(ref reader);
            }
            else if (seen.Is(ref reader, "motion"u8, 4))
            {
                motion = Enum<DealMotion>(ref reader);
            }
            else if (seen.Is(ref reader, "source"u8, 5))
            {
                source = Enum<DealSource>(ref reader);
            }
            else if (seen.Is(ref reader, "route"u8, 6))
            {
                route = Enum<RouteToMarket>(ref reader);
            }
            else if (seen.Is(ref reader, "outcome"u8, 7))
            {
                outcome = Enum<DealOutcome>(ref reader);
            }
            else if (seen.Is(ref reader, "amount"u8, 8))
            {
                amount = Money(ref reader);
            }
            else if (seen.Is(ref reader, "createdOn"u8, 9))
            {
                createdOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "registeredOn"u8, 10))
            {
                registeredOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "lastUpdatedOn"u8, 11))
            {
                lastUpdatedOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "expectedCloseOn"u8, 12))
            {
                expectedCloseOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "closedOn"u8, 13))
            {
                closedOn = Date(ref reader);
            }
            else if (seen.Is(ref reader, "lossReason"u8, 14))
            {
                lossReason = SharedText(ref reader);
            }
            else if (seen.Is(ref reader, "stage"u8, 15))
            {
                stage = SharedText(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new Opportunity(
            id ?? throw new Miss(),
            accountId ?? throw new Miss(),
            createdOn ?? throw new Miss(),
            motion ?? throw new Miss(),
            source ?? throw new Miss(),
            route ?? throw new Miss(),
            outcome ?? throw new Miss(),
            amount,
            partnerId,
            district,
            registeredOn,
            lastUpdatedOn,
            expectedCloseOn,
            closedOn,
            lossReason,
            stage);
    }

    private static RevenueSnapshot RevenueSnapshot(ref Utf8JsonReader reader)
    {
        var seen = Properties.Start(ref reader);
        AccountId? accountId = null;
        DateOnly? date = null;
        decimal? arr = null;
        while (NextProperty(ref reader))
        {
            if (seen.Is(ref reader, "accountId"u8, 0))
            {
                accountId = Identifier<AccountId>(ref reader);
            }
            else if (seen.Is(ref reader, "date"u8, 1))
            {
                date = Date(ref reader);
            }
            else if (seen.Is(ref reader, "annualRecurringRevenue"u8, 2))
            {
                arr = Money(ref reader);
            }
            else
            {
                throw new Miss();
            }
        }

        return new RevenueSnapshot(accountId ?? throw new Miss(), date ?? throw new Miss(), arr ?? throw new Miss());
    }

    /// <summary>Reads an array into a scratch list, which must be empty; <paramref name="item"/> starts on the item's first token.</summary>
    private static void Items<T>(ref Utf8JsonReader reader, List<T> into, ItemReader<T> item)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new Miss();
        }

        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            into.Add(item(ref reader));
        }
    }

    /// <summary>Copies a scratch list into an array the model keeps as it is, and empties the list; a list not given is empty.</summary>
    private static ImmutableArray<T> Take<T>(List<T> scratch)
    {
        if (scratch.Count == 0)
        {
            return [];
        }

        var items = ImmutableArray.Create(CollectionsMarshal.AsSpan(scratch));
        scratch.Clear();
        return items;
    }

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            // Out of tokens: at the end of a whole text, something is missing; at the end of a stream's buffer, more is to be read.
            throw reader.IsFinalBlock ? new Miss() : new Incomplete();
        }
    }

    /// <summary>Moves to the next property name of an object; <see langword="false"/> at the end of the object.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName || (reader.TokenType == JsonTokenType.EndObject ? false : throw new Miss());
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new Miss();
    }

    /// <summary>A text a portfolio may repeat, read through <see cref="texts"/>.</summary>
    private string SharedText(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.String ? texts.Read(ref reader) : throw new Miss();
    }

    /// <summary>An item of <c>requiredCompetencies</c>: <paramref name="reader"/> is on it.</summary>
    private string Competency(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? texts.Read(ref reader) : throw new Miss();

    private static T Identifier<T>(ref Utf8JsonReader reader)
        where T : struct, IIdentifier<T> =>
        Identifier<T>(Text(ref reader));

    private T SharedIdentifier<T>(ref Utf8JsonReader reader)
        where T : struct, IIdentifier<T> =>
        Identifier<T>(SharedText(ref reader));

    private static T Identifier<T>(string text)
        where T : struct, IIdentifier<T> =>
        string.IsNullOrWhiteSpace(text) ? throw new Miss() : T.Create(text, "value");

    private static T Enum<T>(ref Utf8JsonReader reader)
        where T : struct, Enum
    {
        Next(ref reader);
        return EnumNameConverter<T>.TryRead(ref reader, out var value) ? value : throw new Miss();
    }

    private static double Number(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return RoundTripDoubleConverter.TryRead(ref reader, out var value) ? value : throw new Miss();
    }

    private static decimal Money(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && reader.TryGetDecimal(out var value) && ExactDecimalConverter.IsExact(reader.ValueSpan, value) ? value : throw new Miss();
    }

    /// <summary>A day as <c>yyyy-MM-dd</c>, exactly as System.Text.Json writes it; any other spelling is left to it.</summary>
    private static DateOnly Date(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            throw new Miss();
        }

        var text = reader.ValueSpan;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            throw new Miss();
        }

        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : throw new Miss();
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                throw new Miss();
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    /// <summary>A duration in the constant ("c") format, with the checks of System.Text.Json's own converter.</summary>
    private static TimeSpan Duration(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            throw new Miss();
        }

        var text = reader.ValueSpan;
        return text.Length is >= 8 and <= 26
            && (char.IsAsciiDigit((char)text[0]) || text[0] == '-')
            && Utf8Parser.TryParse(text, out TimeSpan value, out var consumed, 'c')
            && consumed == text.Length
            ? value
            : throw new Miss();
    }

    /// <summary>The properties of one object: each name at most once, and the object's end.</summary>
    private struct Properties
    {
        private uint seen;

        public static Properties Start(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.StartObject ? default : throw new Miss();

        /// <summary>Whether the property is <paramref name="name"/>, which must not have been seen before.</summary>
        public bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, int index)
        {
            if (!reader.ValueTextEquals(name))
            {
                return false;
            }

            var bit = 1u << index;
            if ((seen & bit) != 0)
            {
                throw new Miss();
            }

            seen |= bit;
            return true;
        }
    }

    /// <summary>The document is left to the document path.</summary>
    private sealed class Miss : Exception
    {
    }

    /// <summary>The end of a buffer reached inside an element: not a miss, for the rest of the element is still to be read.</summary>
    private sealed class Incomplete : Exception
    {
    }
}

/// <summary>How reading an element in place ended (<see cref="PortfolioReader.TryReadPartnership"/>).</summary>
internal enum ElementRead
{
    /// <summary>The element was read.</summary>
    Read,

    /// <summary>The buffer ends inside the element: read it again once more is read.</summary>
    Incomplete,

    /// <summary>The element is left to the document path, which reads it or says what is wrong.</summary>
    Left,
}
