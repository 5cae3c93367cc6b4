using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Health;

/// <summary>The five dimensions of partnership health (seed 002's steps), in report order.</summary>
[JsonConverter(typeof(EnumNameConverter<HealthDimension>))]
public enum HealthDimension
{
    /// <summary>Commitments kept and broken on both sides: "the real effort lies in not LOSING trust".</summary>
    Trust,

    /// <summary>Certified coverage of the required competencies and reliable delivery.</summary>
    Competency,

    /// <summary>Responsiveness, friction handling and two-way initiative in day-to-day interactions.</summary>
    Cooperation,

    /// <summary>A joint plan that is shared, clear, fresh, on track and aligned with the business.</summary>
    PlanAlignment,

    /// <summary>CRM discipline: deals registered on time, kept fresh and complete, activity logged every week.</summary>
    TrackedProgress,
}
