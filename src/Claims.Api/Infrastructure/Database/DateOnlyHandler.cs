using System.Data;

namespace Claims.Api.Infrastructure.Database;

/// <summary>Npgsql reads <c>date</c> as <see cref="DateTime"/> by default; the API speaks <see cref="DateOnly"/>.</summary>
sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override DateOnly Parse(object value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new DataException($"Cannot read {value.GetType()} as a date."),
    };

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }
}
