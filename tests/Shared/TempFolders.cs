using Microsoft.Data.Sqlite;

namespace NewsApi.Tests.Shared;

/// <summary>The temp folders test servers keep their SQLite files in. Linked into each test project that needs it.</summary>
static class TempFolders
{
    /// <summary>Deletes <paramref name="folder"/> once SQLite has let go of its files.</summary>
    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the temp folder is left for the OS to clean.
        }
    }
}
