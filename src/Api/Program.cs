using NewsApi.Api.Articles;
using NewsApi.Api.Benchmarks;
using NewsApi.Api.Extensions;
using NewsApi.Api.Http;
using NewsApi.Api.Providers;
using NewsApi.Api.SampleContent;
using NewsApi.Api.Topics;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddNewsApi();
builder.Services.AddSwaggerDocs();
builder.Services.AddHttpPipeline(builder.Configuration);

var app = builder.Build();
app.UseMiddleware<ResponseHeaders>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHttpPipeline();
app.UseSwaggerDocs();

app.MapArticles();
app.MapProviders();
app.MapTopics();
app.MapHealthChecks("/health");
app.MapBenchmarkReference(app.Configuration);

await app.LoadSampleContentAsync();
await app.RunAsync();

public partial class Program;
