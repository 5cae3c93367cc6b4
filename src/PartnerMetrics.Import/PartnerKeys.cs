using System.Diagnostics.CodeAnalysis;

namespace PartnerMetrics.Import;

/// <summary>
/// The partners' ids of a portfolio import, by which evidence and deals are matched to their partner: exactly, or by the
/// other form of a Salesforce id, or, when no partner has the text as its id, by the partner's name. Salesforce writes the
/// same record as 15 characters in reports and 18 (a checksum of the first 15's capitals appended) in Data Loader and the
/// API, so a partners file of one form and a tasks file of the other would otherwise leave every task out as "not a
/// partner's". Dynamics 365 exports a lookup (an activity's Regarding, a case's Customer) as the record's name, never its
/// id, so its evidence can only name the partner; an id that other tools give it is a GUID, which they write in capitals
/// or small letters, with braces or without, so a GUID matches the partner's in any of these forms.
/// </summary>
internal sealed class PartnerKeys
{
    private const string SuffixCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private readonly HashSet<string> ids;
    private readonly Dictionary<string, string> otherForms = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> guids = [];
    private readonly HashSet<Guid> accountGuids = [];
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> shared = new(StringComparer.Ordinal);
    private readonly SortedSet<string> sharedAsked = new(StringComparer.Ordinal);
    private readonly HashSet<string> accountIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> accountNames = new(StringComparer.Ordinal);
    private readonly SortedSet<string> accountNamesAsked = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="PartnerKeys"/> class.</summary>
    /// <param name="partners">Each partner's id and name.</param>
    /// <param name="accounts">
    /// The id and name of each account of the partners file that is not a partner (its type maps to <c>Skip</c>): a value
    /// that is such an account's id, or a name it shares with a partner, names that account as much as the partner.
    /// </param>
    public PartnerKeys(IEnumerable<(string Id, string Name)> partners, IEnumerable<(string? Id, string? Name)>? accounts = null)
    {
        var list = partners.ToList();
        ids = list.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (OtherForm(id) is { } other && !ids.Contains(other))
            {
                otherForms.TryAdd(other, id);
            }

            if (Guid.TryParse(id, out var guid))
            {
                guids.TryAdd(guid, id);
            }
        }

        // A name matches only when one partner has it: two partners of one name cannot tell whose evidence it is.
        foreach (var (id, name) in list)
        {
            if (!names.TryAdd(name, id) && names[name] != id)
            {
                shared.Add(name);
            }
        }

        foreach (var name in shared)
        {
            names.Remove(name);
        }

        // An account that is not a partner is not matched, but its evidence must not reach a partner by the name fallback.
        foreach (var (id, name) in accounts ?? [])
        {
            if (id is not null && (ids.Contains(id) || otherForms.ContainsKey(id) || (Guid.TryParse(id, out var same) && guids.ContainsKey(same))))
            {
                continue;   // the partner itself, listed again with a type that is not a partner's
            }

            if (id is not null)
            {
                accountIds.Add(id);
                if (OtherForm(id) is { } other)
                {
                    accountIds.Add(other);
                }

                if (Guid.TryParse(id, out var guid))
                {
                    accountGuids.Add(guid);
                }
            }

            if (name is not null && names.Remove(name))
            {
                accountNames.Add(name);
            }
        }
    }

    /// <summary>
    /// Gets the names that more than one partner has and that evidence or a deal gave as its partner, in ordinal order: such
    /// a row matches none of them. Names that are shared but that nothing gave are not listed (files keyed by id never ask).
    /// </summary>
    public IReadOnlyCollection<string> SharedNamesAsked => sharedAsked;

    /// <summary>
    /// Gets the names that one partner shares with an account that is not a partner and that evidence or a deal gave as
    /// its partner, in ordinal order: such a row matches neither.
    /// </summary>
    public IReadOnlyCollection<string> AccountNamesAsked => accountNamesAsked;

    /// <summary>The partner's id as the partners file writes it, for an id (or, failing that, a partner's name) as another file writes it.</summary>
    public bool TryResolve(string id, [NotNullWhen(true)] out string? partnerId) => TryResolve(id, byName: true, out partnerId);

    /// <summary>The partner's id as the partners file writes it, for an id as another file writes it, and, when <paramref name="byName"/>, failing that for a partner's name.</summary>
    public bool TryResolve(string id, bool byName, [NotNullWhen(true)] out string? partnerId)
    {
        if (ids.Contains(id))
        {
            partnerId = id;
            return true;
        }

        if (otherForms.TryGetValue(id, out partnerId))
        {
            return true;
        }

        var isGuid = Guid.TryParse(id, out var guid);
        if (isGuid && guids.TryGetValue(guid, out partnerId))
        {
            return true;
        }

        if (!byName)
        {
            return false;
        }

        return !accountIds.Contains(id) && !(isGuid && accountGuids.Contains(guid)) && names.TryGetValue(id, out partnerId);
    }

    /// <summary>
    /// Records that a row's partner cell, or a part of it, matched no partner: a name several partners share, or one a
    /// partner shares with an account that is not a partner, is then listed for the notice that such rows belong to
    /// none (<see cref="SharedNamesAsked"/>, <see cref="AccountNamesAsked"/>). Called once the whole cell has failed, so
    /// that a part that failed beside one that matched is not reported as lost.
    /// </summary>
    public void Unmatched(string value)
    {
        if (shared.Contains(value))
        {
            sharedAsked.Add(value);
        }
        else if (accountNames.Contains(value) && !accountIds.Contains(value))
        {
            accountNamesAsked.Add(value);
        }
    }

    /// <summary>
    /// The other form of a Salesforce id: the 18-character form of 15 letters and digits, or the 15-character form of 18
    /// whose last three are the checksum of the first 15; <see langword="null"/> for any other text (an 18-character id
    /// whose suffix is not its checksum is not a Salesforce id, and an all-digit one never is: its checksum is "AAA").
    /// </summary>
    public static string? OtherForm(string id)
    {
        if (id.Length is not (15 or 18) || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var suffix = Suffix(id.AsSpan(0, 15));
        return id.Length == 15 ? id + suffix : id.AsSpan(15).SequenceEqual(suffix) ? id[..15] : null;
    }

    /// <summary>The three checksum characters: for each five characters, which of them are capitals, as a number from 0 to 31.</summary>
    private static string Suffix(ReadOnlySpan<char> id)
    {
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                bits |= char.IsAsciiLetterUpper(id[(chunk * 5) + i]) ? 1 << i : 0;
            }

            suffix[chunk] = SuffixCharacters[bits];
        }

        return new string(suffix);
    }
}
