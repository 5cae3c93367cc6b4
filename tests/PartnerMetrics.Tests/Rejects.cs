namespace PartnerMetrics.Tests;

/// <summary>Assertions for the validation contract: the right exception, naming the field, quoting the value.</summary>
internal static class Rejects
{
    public static TException Field<TException>(Func<object> construct, string field, string? quotedValue = null)
        where TException : ArgumentException
    {
        var error = Assert.Throws<TException>(construct);
        Assert.Equal(field, error.ParamName);
        if (quotedValue is not null)
        {
            Assert.Contains(quotedValue, error.Message, StringComparison.Ordinal);
        }

        return error;
    }
}
