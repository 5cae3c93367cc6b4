using System.Collections.Immutable;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Which fields of each kind of evidence file are required: a file without the column is refused before its rows are
/// read, and a row without the value is a problem naming the field. Read with a profile whose header for each field is
/// the field's own name.
/// </summary>
public class EvidenceRequiredFieldTests
{
    /// <summary>The partners file that evidence of P1 belongs to.</summary>
    internal const string PartnersFile = "id,name,type,createdOn\nP1,Alpha,Reseller,2024-01-01\n";

    /// <summary>A row of each kind that is read without a problem: every field, in the order of <see cref="EvidenceProfile.Fields"/>, with a valid value.</summary>
    internal static readonly Dictionary<EvidenceKind, (string Field, string Value)[]> ValidRows = new()
    {
        [EvidenceKind.Partners] = [("id", "P1"), ("name", "Alpha"), ("type", "Reseller"), ("tier", "Gold"), ("district", "EMEA"), ("onboardedOn", "2024-01-01"), ("createdOn", "2024-01-01")],
        [EvidenceKind.Commitments] = [("partnerId", "P1"), ("side", "Vendor"), ("dueOn", "2025-03-10"), ("status", "Done"), ("doneOn", "2025-03-09"), ("description", "Send the plan")],
        [EvidenceKind.Interactions] = [("partnerId", "P1"), ("date", "2025-04-04"), ("kind", "Call"), ("side", "Vendor"), ("subject", "Intro")],
        [EvidenceKind.Cases] = [("partnerId", "P1"), ("openedAt", "2025-05-01"), ("kind", "Request"), ("side", "Partner"), ("respondedAt", "2025-05-02"), ("responseHours", ""), ("closedOn", ""), ("subject", "Help")],
        [EvidenceKind.Certifications] = [("partnerId", "P1"), ("competency", "Security"), ("obtainedOn", "2025-01-02"), ("expiresOn", "2027-01-02")],
        [EvidenceKind.Deliveries] = [("partnerId", "P1"), ("date", "2025-06-01"), ("onTime", "Yes"), ("satisfaction", "0.5"), ("description", "Rollout")],
        [EvidenceKind.PlanReviews] = [("partnerId", "P1"), ("createdOn", "2025-01-10"), ("reviewedOn", "2025-02-01"), ("alignment", "0.5"), ("cadenceDays", "30")],
        [EvidenceKind.GoalCheckIns] = [("partnerId", "P1"), ("goal", "Grow"), ("owner", "Vendor"), ("target", "100"), ("unit", "deals"), ("startsOn", "2025-01-01"), ("dueOn", "2025-12-31"), ("checkedOn", "2025-03-01"), ("progress", "0.4")],
    };

    /// <summary>The required fields of each kind, written out here rather than read from the library.</summary>
    private static readonly Dictionary<EvidenceKind, string[]> RequiredFields = new()
    {
        [EvidenceKind.Partners] = ["id", "name", "type"],
        [EvidenceKind.Commitments] = ["partnerId", "side", "dueOn", "status"],
        [EvidenceKind.Interactions] = ["partnerId", "date", "kind", "side"],
        [EvidenceKind.Cases] = ["partnerId", "openedAt", "kind", "side"],
        [EvidenceKind.Certifications] = ["partnerId", "competency", "obtainedOn"],
        [EvidenceKind.Deliveries] = ["partnerId", "date", "onTime", "satisfaction"],
        [EvidenceKind.PlanReviews] = ["partnerId", "createdOn"],
        [EvidenceKind.GoalCheckIns] = ["partnerId", "goal", "owner", "checkedOn", "progress"],
    };

    /// <summary>
    /// The required fields whose column a file must have but whose empty cell leaves the row out rather than being a problem:
    /// a task without a due day is no promise with a day to keep (<c>EvidenceImportTests.Tasks_WithoutADueDay_AreLeftOutWithANotice_NotBadRows</c>).
    /// </summary>
    private static readonly HashSet<(EvidenceKind Kind, string Field)> EmptyLeavesTheRowOut = [(EvidenceKind.Commitments, "dueOn")];

    /// <summary>The name of each kind's file in messages.</summary>
    private static readonly Dictionary<EvidenceKind, string> FileNames = new()
    {
        [EvidenceKind.Partners] = "partners",
        [EvidenceKind.Commitments] = "commitments",
        [EvidenceKind.Interactions] = "interactions",
        [EvidenceKind.Cases] = "cases",
        [EvidenceKind.Certifications] = "certifications",
        [EvidenceKind.Deliveries] = "deliveries",
        [EvidenceKind.PlanReviews] = "planReviews",
        [EvidenceKind.GoalCheckIns] = "goalCheckIns",
    };

    public static TheoryData<string> Kinds => [.. RequiredFields.Keys.Select(k => k.ToString())];

    public static TheoryData<string> EvidenceKinds => [.. RequiredFields.Keys.Where(k => k != EvidenceKind.Partners).Select(k => k.ToString())];

    public static TheoryData<string, string> Required
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (kind, fields) in RequiredFields)
            {
                foreach (var name in fields)
                {
                    data.Add(kind.ToString(), name);
                }
            }

            return data;
        }
    }

    private static EvidenceProfile Skip => OwnNames(BadRowPolicy.Skip);

    [Theory]
    [MemberData(nameof(Required))]
    public void AFileWithoutARequiredField_IsRefused_NamingTheField(string kindName, string field)
    {
        var kind = Enum.Parse<EvidenceKind>(kindName);
        var fields = ValidRows[kind].Where(f => f.Field != field).ToArray();
        var csv = $"{string.Join(",", fields.Select(f => f.Field))}\n{string.Join(",", fields.Select(f => f.Value))}\n";

        var error = Assert.Throws<ImportException>(() => Import(Skip, kind, csv));

        Assert.Equal(
            $"{kind}.csv: line 1: the {FileNames[kind]} file has no column for '{field}' (the profile accepts \"{field}\"). The header has {string.Join(", ", fields.Select(f => $"\"{f.Field}\""))}.",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(Required))]
    public void ARowWithoutARequiredValue_IsSkipped_WithAProblemNamingTheField(string kindName, string field)
    {
        var kind = Enum.Parse<EvidenceKind>(kindName);

        var (_, report) = Import(Skip, kind, Csv(kind, f => f.Field == field ? string.Empty : f.Value));

        var file = report.Files[kind];
        if (EmptyLeavesTheRowOut.Contains((kind, field)))
        {
            Assert.Empty(file.Problems);
            Assert.Equal((1L, 0L, 0L, 1L), (file.Rows, file.Imported, file.Skipped, file.Excluded));
            return;
        }

        Assert.Equal($"line 2, column \"{field}\": a value is required.", Assert.Single(file.Problems).ToString());
        Assert.Equal((1L, 0L, 1L, 0L), (file.Rows, file.Imported, file.Skipped, file.Excluded));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ARowWithOnlyOptionalValues_HasAProblemForEveryRequiredField(string kindName)
    {
        var kind = Enum.Parse<EvidenceKind>(kindName);
        var required = RequiredFields[kind];

        var (_, report) = Import(Skip, kind, Csv(kind, f => required.Contains(f.Field) ? string.Empty : f.Value));

        var file = report.Files[kind];
        Assert.Equal(required.Where(f => !EmptyLeavesTheRowOut.Contains((kind, f))).Order(StringComparer.Ordinal), file.Problems.Select(p => p.Column!).Order(StringComparer.Ordinal));
        Assert.All(file.Problems, p => Assert.Equal((2L, (string?)null, "a value is required."), (p.Line, p.Value, p.Message)));
        Assert.Equal((1L, 1L), (file.Rows, file.Skipped));
    }

    /// <summary>Every other field is optional (a partner without a day of its own is another rule: it starts at its earliest evidence).</summary>
    [Theory]
    [MemberData(nameof(EvidenceKinds))]
    public void AFileOfTheRequiredFieldsOnly_IsReadWithoutAProblem(string kindName)
    {
        var kind = Enum.Parse<EvidenceKind>(kindName);
        var fields = ValidRows[kind].Where(f => RequiredFields[kind].Contains(f.Field)).ToArray();
        var csv = $"{string.Join(",", fields.Select(f => f.Field))}\n{string.Join(",", fields.Select(f => f.Value))}\n";

        var (_, report) = Import(OwnNames(BadRowPolicy.Fail), kind, csv);

        var file = report.Files[kind];
        Assert.Empty(file.Problems);

        // A case file without response times leaves its requests out rather than reading them as unanswered.
        Assert.Equal(kind == EvidenceKind.Cases ? (1L, 0L, 1L) : (1L, 1L, 0L), (file.Rows, file.Imported, file.Excluded));
    }

    /// <summary>A profile that reads each field of every kind from the column of the field's own name, and nothing else.</summary>
    internal static EvidenceProfile OwnNames(BadRowPolicy badRows) => new()
    {
        BadRows = badRows,
        Tables = ValidRows.ToImmutableDictionary(k => k.Key, k => TableProfile.Empty with { Columns = k.Value.ToImmutableDictionary(f => f.Field, f => ImmutableArray.Create(f.Field)) }),
    };

    /// <summary><paramref name="profile"/> with the table of <paramref name="kind"/> changed.</summary>
    internal static EvidenceProfile With(EvidenceProfile profile, EvidenceKind kind, Func<TableProfile, TableProfile> change) =>
        profile with { Tables = profile.Tables.SetItem(kind, change(profile.Tables[kind])) };

    /// <summary>A file of one kind: a header of every field and one row of the values <paramref name="value"/> gives.</summary>
    internal static string Csv(EvidenceKind kind, Func<(string Field, string Value), string> value) =>
        $"{string.Join(",", ValidRows[kind].Select(f => f.Field))}\n{string.Join(",", ValidRows[kind].Select(value))}\n";

    /// <summary>Imports a file of <paramref name="kind"/>, with <see cref="PartnersFile"/> unless it is the partners file itself.</summary>
    internal static (Portfolio Portfolio, PortfolioImportReport Report) Import(EvidenceProfile profile, EvidenceKind kind, string csv) => kind == EvidenceKind.Partners
        ? EvidenceImportTests.Import(profile, (kind, csv))
        : EvidenceImportTests.Import(profile, (EvidenceKind.Partners, PartnersFile), (kind, csv));
}
