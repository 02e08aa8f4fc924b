
namespace Claims.Api.Infrastructure.Validation;

/// <summary>Runs the validator of the endpoint's <typeparamref name="T"/> argument; a failure is a 400 naming each bad field.</summary>
sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "A request body is required.");

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (result.IsValid) return await next(context);

        return TypedResults.ValidationProblem(result.ToErrors(), title: "The request is not valid");
    }
}

public static class ValidationResults
{
    /// <summary>The failures by field, named as the client sent them.</summary>
    public static Dictionary<string, string[]> ToErrors(this FluentValidation.Results.ValidationResult result) => result.Errors
        .GroupBy(e => ToCamelCasePath(e.PropertyName))
        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    // FluentValidation names "Span.Start"; clients sent "span.start".
    static string ToCamelCasePath(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

public static class ValidationExtensions
{
    /// <summary>Registers every validator in this assembly once, at start-up.</summary>
    public static IServiceCollection AddValidators(this IServiceCollection services)
    {
        var validators = typeof(ValidationExtensions).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators)
            services.AddSingleton(service, implementation);
        return services;
    }

    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
