namespace PartnerMetrics.Serialization;

/// <summary>
/// A document whose every property is a setting that may be left out for its default (a <see cref="Health.HealthModel"/> file):
/// its properties are nullable only so that a setting left out reads as null. A setting written as null is bad input, not a
/// setting left out, and <see cref="DocumentConverter{TModel, TDocument}"/> refuses it at its path (<see cref="JsonShape.FirstNull"/>).
/// </summary>
internal interface ISettingsDocument;
