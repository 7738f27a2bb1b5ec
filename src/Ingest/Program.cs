namespace NewsApi.Ingest;

static class Program
{
    static int Main() => 0;
}
