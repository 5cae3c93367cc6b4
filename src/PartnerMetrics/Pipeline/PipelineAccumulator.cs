using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// A mergeable summary of opportunities: <see cref="Add(Opportunity)"/> them in any order, on any
/// number of threads or machines, <see cref="Merge"/> the parts in any order, and
/// <see cref="Result"/> equals the single-pass answer exactly (DOMAIN rule 13).
/// </summary>
/// <remarks>
/// <para>
/// An accumulator is mutable and not thread-safe: give each thread its own and merge them. Its memory
/// grows with the number of partners, customer accounts with a win, years and loss reasons and with the longest won cycle, never with
/// the number of opportunities. It serializes to JSON (<see cref="PartnerMetricsJson"/>), so a
/// distributed job can ship partial results.
/// </para>
/// <para>
/// Money sums are <see cref="decimal"/> and exact. Every amount is at most
/// <see cref="Opportunity.MaxAmount"/> (10^14) in whole ten-thousandths (<see cref="Opportunity.MaxDecimals"/>), so a
/// sum of up to ten billion deals has at most 28 digits and does not depend on the order of the deals; a sum could leave the range of <see cref="decimal"/>
/// (and throw <see cref="OverflowException"/>) only past 790 trillion deals of that amount.
/// </para>
/// </remarks>
[JsonConverter(typeof(DocumentConverter<PipelineAccumulator, PipelineAccumulatorDocument>))]
public sealed class PipelineAccumulator
{
    private readonly CycleHistogram cycles = new();
    // Partners and accounts are tallied by interned id: the groups of a grouping share its id tables, so that a deal's
    // ids are hashed as text once, and groups merge by id.
    private readonly IdTable partnerIds;
    private readonly IdTable accountIds;
    private readonly WinTallies partners;
    private readonly WinTallies accounts;
    private readonly Dictionary<int, YearState> years = [];
    private readonly Dictionary<(int Year, string? Reason), WinTally> lossReasons = [];
    // The grouping's buffer of won deals not applied yet, and this group's index in it; null outside a grouping.
    private readonly PendingWins? pending;
    private readonly int index;
    private long count, open, won, lost, lostWithAmount, missingAmounts, huntingWon, partnerSourced, vendorReferred, unknownSource, unknownRouteWon;
    private decimal openValue, wonValue, lostValue, huntingWonValue, directRouteValue, partnerRouteValue, marketplaceRouteValue, unknownRouteValue;

    /// <summary>Initializes a new instance of the <see cref="PipelineAccumulator"/> class, with nothing added.</summary>
    public PipelineAccumulator()
        : this(new IdTable(), new IdTable(), new TallyArena())
    {
    }

    /// <summary>
    /// A group's accumulator, which interns ids in, and keeps its tallies in, tables shared by the groups of one
    /// grouping; with <paramref name="pending"/>, its won deals' partner, account and cycle tallies are applied by that
    /// buffer (<see cref="ApplyWins"/>), which the grouping applies before its results are computed.
    /// </summary>
    internal PipelineAccumulator(IdTable partnerIds, IdTable accountIds, TallyArena arena, PendingWins? pending = null, int index = 0)
    {
        this.partnerIds = partnerIds;
        this.accountIds = accountIds;
        partners = new WinTallies(arena);
        accounts = new WinTallies(arena);
        this.pending = pending;
        this.index = index;
    }

    /// <summary>Adds one opportunity.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public void Add(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        count++;
        var amount = opportunity.Amount ?? 0m;
        if (opportunity.Amount is null)
        {
            missingAmounts++;
        }

        if (opportunity.Source == DealSource.PartnerSourced)
        {
            partnerSourced++;
        }
        else if (opportunity.Source == DealSource.VendorReferred)
        {
            vendorReferred++;
        }
        else if (opportunity.Source == DealSource.Unknown)
        {
            unknownSource++;
        }

        switch (opportunity.Outcome)
        {
            case DealOutcome.Open:
                open++;
                openValue += amount;
                break;
            case DealOutcome.Won:
                var closed = opportunity.ClosedOn!.Value;
                won++;
                wonValue += amount;
                if (DealClass.IsHunting(opportunity.Motion))
                {
                    huntingWon++;
                    huntingWonValue += amount;
                }

                AddRouteValue(opportunity.Route, amount);
                var win = new PendingWins.Win(
                    index,
                    opportunity.PartnerId is { } partner ? partnerIds.Intern(partner.Value!) : -1,
                    accountIds.Intern(opportunity.AccountId.Value!),
                    DealClass.CycleDays(opportunity.CreatedOn, closed),
                    amount);
                if (pending is null)
                {
                    ApplyWins(new ReadOnlySpan<PendingWins.Win>(in win));
                }
                else
                {
                    pending.Add(win);
                }

                CollectionsMarshal.GetValueRefOrAddDefault(years, closed.Year, out _).Won.Add(1, amount);
                break;
            default:
                var lostOn = opportunity.ClosedOn!.Value.Year;
                lost++;
                lostValue += amount;
                if (amount > 0)
                {
                    lostWithAmount++;
                }
                CollectionsMarshal.GetValueRefOrAddDefault(years, lostOn, out _).Lost.Add(1, amount);
                CollectionsMarshal.GetValueRefOrAddDefault(lossReasons, (lostOn, opportunity.LossReason), out _).Add(1, amount);
                break;
        }
    }

    /// <summary>Gets this group's index in its grouping's <see cref="PendingWins"/> (0 outside a grouping).</summary>
    internal int Index => index;

    /// <summary>Applies won deals to the cycle, partner and account tallies, in the order given: one as it is added, or those held back by the grouping's <see cref="PendingWins"/>.</summary>
    internal void ApplyWins(ReadOnlySpan<PendingWins.Win> wins)
    {
        // One table at a time, so that each loop's loads are independent and overlap.
        foreach (ref readonly var win in wins)
        {
            cycles.Add(win.Days);
        }

        foreach (ref readonly var win in wins)
        {
            if (win.Partner >= 0)
            {
                partners.Add(win.Partner, 1, win.Amount);
            }
        }

        foreach (ref readonly var win in wins)
        {
            accounts.Add(win.Account, 1, win.Amount);
        }
    }

    /// <summary>Adds every opportunity of a sequence.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public void AddRange(IEnumerable<Opportunity> opportunities)
    {
        Telemetry.Accumulated("accumulate", Ensure.Each(opportunities, nameof(opportunities), Add));
    }

    /// <summary>Adds every opportunity of an asynchronous stream as it arrives — rows read from a database or an import, say — without holding them.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="cancellationToken">Passed to the stream and checked before each opportunity.</param>
    /// <returns>A task that completes when the stream ends; the opportunities added before a failure or cancellation stay added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream contains <see langword="null"/> (from the task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (from the task).</exception>
    public Task AddRangeAsync(IAsyncEnumerable<Opportunity> opportunities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        return Core(opportunities, cancellationToken);

        async Task Core(IAsyncEnumerable<Opportunity> opportunities, CancellationToken cancellationToken) =>
            Telemetry.Accumulated("accumulate", await Ensure.EachAsync(opportunities, nameof(opportunities), Add, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this accumulator.</exception>
    /// <exception cref="OverflowException">A count or value would pass its type's range (past 790 trillion deals of the largest amount, or 2^63 deals); neither accumulator was changed.</exception>
    public void Merge(PipelineAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself; merge a copy.", nameof(other));
        }

        EnsureRoomFor(other);
        MergeMapped(other, partnerIds.Translate(other.partnerIds), accountIds.Translate(other.accountIds));
    }

    /// <summary>
    /// Throws <see cref="OverflowException"/>, before anything changes, when a count or value of this accumulator plus the
    /// other's would leave its type's range: a merge is whole or not at all. Every other tally (a partner's, an account's,
    /// a year's, a loss reason's) is a part of a count and value checked here, and the cycle days add up in 128 bits.
    /// </summary>
    internal void EnsureRoomFor(PipelineAccumulator other)
    {
        Room(count, other.count, "count");
        Room(open, other.open, "open");
        Room(won, other.won, "won");
        Room(lost, other.lost, "lost");
        Room(lostWithAmount, other.lostWithAmount, "lostWithAmount");
        Room(unknownSource, other.unknownSource, "unknownSource");
        Room(unknownRouteWon, other.unknownRouteWon, "unknownRouteWon");
        Room(missingAmounts, other.missingAmounts, "missingAmounts");
        Room(huntingWon, other.huntingWon, "huntingWon");
        Room(partnerSourced, other.partnerSourced, "partnerSourced");
        Room(vendorReferred, other.vendorReferred, "vendorReferred");
        Room(openValue, other.openValue, "openValue");
        Room(wonValue, other.wonValue, "wonValue");
        Room(lostValue, other.lostValue, "lostValue");
        Room(huntingWonValue, other.huntingWonValue, "huntingWonValue");
        Room(directRouteValue, other.directRouteValue, "directRouteValue");
        Room(partnerRouteValue, other.partnerRouteValue, "partnerRouteValue");
        Room(marketplaceRouteValue, other.marketplaceRouteValue, "marketplaceRouteValue");
        Room(unknownRouteValue, other.unknownRouteValue, "unknownRouteValue");

        // Counts and values are never negative, so a sum leaves the range only above.
        static void Room<T>(T mine, T theirs, string what)
            where T : System.Numerics.INumber<T>, System.Numerics.IMinMaxValue<T>
        {
            if (theirs > T.MaxValue - mine)
            {
                throw new OverflowException($"Merging would take '{what}' past the largest {typeof(T).Name} ({mine} + {theirs}); neither accumulator was changed.");
            }
        }
    }

    /// <summary>
    /// Adds everything <paramref name="other"/> has seen, its partner id <c>i</c> counted as <c>partnerMap[i]</c> and its
    /// account id <c>i</c> as <c>accountMap[i]</c> (<see cref="IdTable.Translate"/>).
    /// </summary>
    internal void MergeMapped(PipelineAccumulator other, int[] partnerMap, int[] accountMap)
    {
        MergeCounts(other);
        partners.Merge(other.partners, partnerMap);
        accounts.Merge(other.accounts, accountMap);
    }

    /// <summary>Adds this accumulator's partner and account tallies to totals by id (its ids in the tables it interns in).</summary>
    internal void AddTalliesTo(WinTally[] partnerTotals, WinTally[] accountTotals)
    {
        partners.AddTo(partnerTotals);
        accounts.AddTo(accountTotals);
    }

    /// <summary>Adds everything <paramref name="other"/> has seen except its partner and account tallies, which the caller merges.</summary>
    internal void MergeCounts(PipelineAccumulator other)
    {
        count += other.count;
        open += other.open;
        won += other.won;
        lost += other.lost;
        lostWithAmount += other.lostWithAmount;
        unknownSource += other.unknownSource;
        unknownRouteWon += other.unknownRouteWon;
        unknownRouteValue += other.unknownRouteValue;
        missingAmounts += other.missingAmounts;
        huntingWon += other.huntingWon;
        partnerSourced += other.partnerSourced;
        vendorReferred += other.vendorReferred;
        openValue += other.openValue;
        wonValue += other.wonValue;
        lostValue += other.lostValue;
        huntingWonValue += other.huntingWonValue;
        directRouteValue += other.directRouteValue;
        partnerRouteValue += other.partnerRouteValue;
        marketplaceRouteValue += other.marketplaceRouteValue;
        cycles.Merge(other.cycles);

        foreach (var (year, state) in other.years)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(years, year, out _);
            mine.Won.Add(state.Won.Count, state.Won.Value);
            mine.Lost.Add(state.Lost.Count, state.Lost.Value);
        }

        foreach (var (key, tally) in other.lossReasons)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(lossReasons, key, out _).Add(tally.Count, tally.Value);
        }
    }

    /// <summary>Computes the metrics of everything added and merged so far.</summary>
    /// <param name="options">The target and the number of top partners and customers; <see langword="null"/> for <see cref="PipelineOptions.Default"/>.</param>
    /// <returns>The metrics; each one that is <see langword="null"/> has a reason in <see cref="PipelineResult.Notes"/>.</returns>
    public PipelineResult Result(PipelineOptions? options = null)
    {
        // The tallies are read once, into memory of the shared pool: a grouping computes hundreds of results at a time.
        var (partnerCount, accountCount) = (partners.Count, accounts.Count);
        var tallies = ArrayPool<WinTally>.Shared.Rent(partnerCount + accountCount);
        try
        {
            partners.CopyTo(tallies.AsSpan(0, partnerCount));
            accounts.CopyTo(tallies.AsSpan(partnerCount, accountCount));
            return ResultOf(options, tallies.AsSpan(0, partnerCount), tallies.AsSpan(partnerCount, accountCount));
        }
        finally
        {
            ArrayPool<WinTally>.Shared.Return(tallies);
        }
    }

    /// <summary>Computes the metrics from this accumulator's counts and the given partner and account tallies (a group's, or the total's).</summary>
    internal PipelineResult ResultOf(PipelineOptions? options, ReadOnlySpan<WinTally> partnerTallies, ReadOnlySpan<WinTally> accountTallies)
    {
        options ??= PipelineOptions.Default;
        var wonCycle = cycles.Statistics();
        var partnerShares = SharesOf(partnerTallies, options.TopPartners);
        var customerShares = SharesOf(accountTallies, options.TopCustomers);
        var partnersWithRepeatWins = 0;
        foreach (var tally in partnerTallies)
        {
            if (tally.Count >= 2)
            {
                partnersWithRepeatWins++;
            }
        }

        var rates = PipelineRates.Of(open, won, lost, lostWithAmount, wonValue, lostValue, huntingWon, huntingWonValue, wonCycle, partnerSourced, vendorReferred, partnerTallies.Length, partnersWithRepeatWins);
        var (winRate, winRateByValue, huntingByCount, huntingByValue, averageWon, velocity, reciprocity, repeatRate, profile) = rates;
        var routeConcentration = WonShares.Of([directRouteValue, partnerRouteValue, marketplaceRouteValue], top: 0).Index;
        var partnerConcentration = partnerShares.Index;
        var customerConcentration = customerShares.Index;
        var notes = new PipelineNotes(count);
        notes.WhenNull(nameof(PipelineResult.WinRateByCount), winRate is null, "No deal is closed (won or lost).");
        notes.WhenNull(
            nameof(PipelineResult.WinRateByValue),
            winRateByValue is null,
            lost > 0 && lostWithAmount == 0 && wonValue > 0
                ? string.Create(CultureInfo.InvariantCulture, $"None of the {lost} lost deals carries an amount; a CRM that writes 0 or nothing on lost deals would make the value win rate read 100 %.")
                : won + lost == 0 ? "No deal is closed (won or lost)." : "No closed deal carries an amount.");
        notes.WhenNull(nameof(PipelineResult.HuntingShareByCount), huntingByCount is null, "No deal is won.");
        notes.WhenNull(nameof(PipelineResult.HuntingShareByValue), huntingByValue is null, won == 0 ? "No deal is won." : "No won deal carries an amount.");
        notes.WhenNull(nameof(PipelineResult.WonCycle), wonCycle is null, "No deal is won.");
        notes.WhenNull(nameof(PipelineResult.AverageWonDealSize), averageWon is null, "No deal is won.");
        notes.WhenNull(
            nameof(PipelineResult.Velocity),
            velocity is null,
            won == 0 ? "No deal is won."
            : wonCycle is { Mean: > 0 } ? "The open deals times the average won size is more than a decimal holds."
            : "Every won deal closed on the day it was created, so the mean cycle is 0 days.");
        notes.WhenNull(nameof(PipelineResult.Coverage), options.RemainingTarget is null, $"No remaining target was given ({nameof(PipelineOptions)}.{nameof(PipelineOptions.RemainingTarget)}).", ofTheDeals: false);
        notes.WhenNull(
            nameof(PipelineResult.DealFlowReciprocity),
            reciprocity is null,
            unknownSource == count ? "No deal records its source." : "No deal is partner-sourced or vendor-referred.");
        notes.Partial(nameof(PipelineResult.DealFlowReciprocity), reciprocity is not null, unknownSource, count, "deals do not record their source and are left out.");
        notes.WhenNull(
            nameof(PipelineResult.RouteConcentration),
            routeConcentration is null,
            won == 0 ? "No deal is won." : unknownRouteWon == won ? "No won deal records its route to market." : "No won deal with a known route carries an amount.");
        notes.Partial(nameof(PipelineResult.RouteConcentration), routeConcentration is not null, unknownRouteWon, won, "won deals do not record their route to market and are left out.");
        var noPartnerValue = won == 0 ? "No deal is won." : partnerTallies.Length == 0 ? "No won deal has a partner." : "No won deal with a partner carries an amount.";
        notes.WhenNull(nameof(PipelineResult.PartnerConcentration), partnerConcentration is null, noPartnerValue);
        notes.WhenNull(nameof(PipelineResult.TopPartnerShare), partnerConcentration is null, noPartnerValue);
        notes.WhenNull(nameof(PipelineResult.CustomerConcentration), customerConcentration is null, won == 0 ? "No deal is won." : "No won deal carries an amount.");
        notes.WhenNull(nameof(PipelineResult.TopCustomerShare), customerConcentration is null, won == 0 ? "No deal is won." : "No won deal carries an amount.");
        notes.WhenNull(nameof(PipelineResult.RepeatBusinessRate), partnerTallies.Length == 0, "No deal with a partner is won.");
        notes.WhenNull(nameof(PipelineResult.Profile), won == 0, "No deal is won.");
        return new PipelineResult(YearTallies(), LossReasonTallies(), notes.ToImmutable())
        {
            Count = count,
            OpenCount = open,
            WonCount = won,
            LostCount = lost,
            OpenValue = openValue,
            WonValue = wonValue,
            LostValue = lostValue,
            LostWithAmountCount = lostWithAmount,
            MissingAmountCount = missingAmounts,
            WinRateByCount = winRate,
            WinRateByValue = winRateByValue,
            HuntingWonCount = huntingWon,
            HuntingWonValue = huntingWonValue,
            FarmingWonCount = won - huntingWon,
            FarmingWonValue = wonValue - huntingWonValue,
            HuntingShareByCount = huntingByCount,
            HuntingShareByValue = huntingByValue,
            WonCycle = wonCycle,
            AverageWonDealSize = averageWon,
            Velocity = velocity,
            Coverage = options.RemainingTarget is { } target ? Coverage(openValue, target) : null,
            PartnerSourcedCount = partnerSourced,
            VendorReferredCount = vendorReferred,
            UnknownSourceCount = unknownSource,
            DealFlowReciprocity = reciprocity,
            PartnerConcentration = partnerConcentration,
            RouteConcentration = routeConcentration,
            UnknownRouteWonCount = unknownRouteWon,
            UnknownRouteWonValue = unknownRouteValue,
            TopPartnerShare = partnerShares.TopShare,
            CustomerConcentration = customerConcentration,
            TopCustomerShare = customerShares.TopShare,
            CustomersWithWins = accountTallies.Length,
            PartnersWithWins = partnerTallies.Length,
            PartnersWithRepeatWins = partnersWithRepeatWins,
            RepeatBusinessRate = repeatRate,
            Profile = profile,
        };
    }

    internal PipelineAccumulatorDocument ToDocument() => new()
    {
        Count = count,
        Open = open,
        Won = won,
        Lost = lost,
        LostWithAmount = lostWithAmount,
        MissingAmounts = missingAmounts,
        HuntingWon = huntingWon,
        PartnerSourced = partnerSourced,
        VendorReferred = vendorReferred,
        UnknownSource = unknownSource,
        UnknownRouteWon = unknownRouteWon,
        OpenValue = openValue,
        WonValue = wonValue,
        LostValue = lostValue,
        HuntingWonValue = huntingWonValue,
        DirectRouteValue = directRouteValue,
        PartnerRouteValue = partnerRouteValue,
        MarketplaceRouteValue = marketplaceRouteValue,
        UnknownRouteValue = unknownRouteValue,
        WonCycleDays = [.. cycles.Counts],
        Partners = [.. partners.Entries().Select(p => (Id: partnerIds[p.Id], p.Tally)).OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new PartnerWinsDocument { PartnerId = new PartnerId(p.Id), WonCount = p.Tally.Count, WonValue = p.Tally.Value })],
        Accounts = [.. accounts.Entries().Select(a => (Id: accountIds[a.Id], a.Tally)).OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new AccountWinsDocument { AccountId = new AccountId(a.Id), WonCount = a.Tally.Count, WonValue = a.Tally.Value })],
        Years = [.. YearTallies()],
        LossReasons = [.. LossReasonTallies()],
    };

    internal static PipelineAccumulator FromDocument(PipelineAccumulatorDocument document, AccumulatorSums sums)
    {
        var accumulator = new PipelineAccumulator
        {
            count = sums.Count,
            open = sums.Open,
            won = sums.Won,
            lost = sums.Lost,
            lostWithAmount = sums.LostWithAmount,
            unknownSource = sums.UnknownSource,
            unknownRouteWon = sums.UnknownRouteWon,
            unknownRouteValue = sums.UnknownRouteValue,
            missingAmounts = sums.MissingAmounts,
            huntingWon = sums.HuntingWon,
            partnerSourced = sums.PartnerSourced,
            vendorReferred = sums.VendorReferred,
            openValue = sums.OpenValue,
            wonValue = sums.WonValue,
            lostValue = sums.LostValue,
            huntingWonValue = sums.HuntingWonValue,
            directRouteValue = sums.DirectRouteValue,
            partnerRouteValue = sums.PartnerRouteValue,
            marketplaceRouteValue = sums.MarketplaceRouteValue,
        };
        var days = document.WonCycleDays ?? [];
        for (var day = days.Length - 1; day >= 0; day--)
        {
            if (days[day] != 0)
            {
                accumulator.cycles.Add(day, days[day]);
            }
        }

        foreach (var partner in document.Partners ?? [])
        {
            accumulator.partners.Add(accumulator.partnerIds.Intern(partner.PartnerId!.Value.Value!), partner.WonCount, partner.WonValue.GetValueOrDefault());
        }

        foreach (var account in document.Accounts ?? [])
        {
            accumulator.accounts.Add(accumulator.accountIds.Intern(account.AccountId!.Value.Value!), account.WonCount, account.WonValue.GetValueOrDefault());
        }

        foreach (var year in document.Years ?? [])
        {
            accumulator.years.Add(year.Year, new YearState { Won = new WinTally(year.WonCount, year.WonValue), Lost = new WinTally(year.LostCount, year.LostValue) });
        }

        foreach (var reason in document.LossReasons ?? [])
        {
            accumulator.lossReasons.Add((reason.Year, reason.Reason), new WinTally(reason.Count, reason.Value));
        }

        return accumulator;
    }

    /// <summary>
    /// Open value ÷ remaining target. A target below 1 can put the quotient past <see cref="decimal"/>'s range
    /// (10^14 ÷ 10^-28), so it is divided as <see cref="double"/>, which holds any such quotient (at most about 10^57).
    /// </summary>
    private static double Coverage(decimal openValue, decimal target) =>
        target >= 1m ? (double)(openValue / target) : (double)openValue / (double)target;

    /// <summary>The concentration of the tallies' won values (<see cref="WonShares"/>, which sums them exactly in any order), read into memory of the shared pool.</summary>
    private static WonShares SharesOf(ReadOnlySpan<WinTally> tallies, int top)
    {
        var values = ArrayPool<decimal>.Shared.Rent(tallies.Length);
        try
        {
            for (var i = 0; i < tallies.Length; i++)
            {
                values[i] = tallies[i].Value;
            }

            return WonShares.Of(values.AsSpan(0, tallies.Length), top);
        }
        finally
        {
            ArrayPool<decimal>.Shared.Return(values);
        }
    }

    private void AddRouteValue(RouteToMarket route, decimal amount)
    {
        switch (route)
        {
            case RouteToMarket.Direct:
                directRouteValue += amount;
                break;
            case RouteToMarket.Partner:
                partnerRouteValue += amount;
                break;
            case RouteToMarket.Marketplace:
                marketplaceRouteValue += amount;
                break;
            default:
                unknownRouteWon++;
                unknownRouteValue += amount;
                break;
        }
    }

    private ImmutableArray<YearTally> YearTallies() =>
        [.. years.OrderBy(y => y.Key).Select(y => new YearTally(y.Key, y.Value.Won.Count, y.Value.Won.Value, y.Value.Lost.Count, y.Value.Lost.Value))];

    private ImmutableArray<LossReasonTally> LossReasonTallies() =>
        [.. lossReasons
            .OrderBy(r => r.Key.Year)
            .ThenByDescending(r => r.Value.Count)
            .ThenBy(r => r.Key.Reason, StringComparer.Ordinal)
            .Select(r => new LossReasonTally(r.Key.Year, r.Key.Reason, r.Value.Count, r.Value.Value))];

    private struct YearState
    {
        public WinTally Won;
        public WinTally Lost;
    }
}
