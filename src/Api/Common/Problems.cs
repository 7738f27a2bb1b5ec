using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsApi.Api.Common;

public static class Problems
{
    public static ValidationProblem Invalid(QueryErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");

    public static ProblemHttpResult NotFound(string what, string key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown {what}", detail: $"No published {what} has the key '{key}'.");
}
