using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsApi.Domain.Data;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
