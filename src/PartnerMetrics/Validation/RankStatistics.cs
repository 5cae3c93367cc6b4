namespace PartnerMetrics.Validation;

/// <summary>Rank statistics of a backtest: mid-ranks, the AUC with its DeLong standard error, and Spearman's ρ.</summary>
internal static class RankStatistics
{
    /// <summary>The 1-based rank of each value in its original position; equal values share the mean of their ranks.</summary>
    public static double[] MidRanks(ReadOnlySpan<double> values)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            // Positions start … end − 1 hold equal values: ranks start + 1 … end, mean (start + 1 + end) / 2.
            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>
    /// The probability that a positive scores above a negative, ties counting half (the Mann–Whitney
    /// U ÷ mn), with DeLong's standard error; the AUC is null without both classes, the error also
    /// with fewer than two of either.
    /// </summary>
    public static (double? Auc, double? StandardError) Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
    {
        var ranks = MidRanks(scores);
        long m = 0;
        double positiveRankSum = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (positive[i])
            {
                m++;
                positiveRankSum += ranks[i];
            }
        }

        long n = scores.Length - m;
        if (m == 0 || n == 0)
        {
            return (null, null);
        }

        // Mid-ranks are multiples of ½, so U is exact in a double for any realistic sample count.
        var auc = (positiveRankSum - (m * (m + 1) / 2.0)) / ((double)m * n);
        if (m < 2 || n < 2)
        {
            return (auc, null);
        }

        // DeLong (1988): each case's placement value is its share of the other class it beats; the
        // rank within its own class is subtracted from its overall rank to count only the other class.
        var positiveScores = new List<double>((int)m);
        var negativeScores = new List<double>((int)n);
        for (var i = 0; i < scores.Length; i++)
        {
            (positive[i] ? positiveScores : negativeScores).Add(scores[i]);
        }

        var positiveRanks = MidRanks(positiveScores.ToArray());
        var negativeRanks = MidRanks(negativeScores.ToArray());
        double positiveSquares = 0, negativeSquares = 0;
        int p = 0, q = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (positive[i])
            {
                var placement = (ranks[i] - positiveRanks[p++]) / n;
                positiveSquares += (placement - auc) * (placement - auc);
            }
            else
            {
                var placement = 1.0 - ((ranks[i] - negativeRanks[q++]) / m);
                negativeSquares += (placement - auc) * (placement - auc);
            }
        }

        var variance = (positiveSquares / (m - 1) / m) + (negativeSquares / (n - 1) / n);
        return (auc, Math.Sqrt(variance));
    }

    /// <summary>Spearman's ρ: Pearson's correlation of the mid-ranks; null with fewer than two pairs or when either side is constant.</summary>
    public static double? Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length < 2)
        {
            return null;
        }

        var rx = MidRanks(x);
        var ry = MidRanks(y);

        // Both rank vectors have the mean (N + 1) / 2.
        var mean = (x.Length + 1) / 2.0;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            var dx = rx[i] - mean;
            var dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0) : null;
    }
}
