using Microsoft.Win32.SafeHandles;

namespace NewsApi.Api.Benchmarks;

/// <summary>
/// bench/ceiling.sh's flat file of list items: one JSON item per line, in the default order. The
/// line starts are found once (a pass over the file); a page is then one positioned read.
/// </summary>
sealed class ListItemsFile
{
    readonly SafeFileHandle _file;
    readonly long[] _starts;

    ListItemsFile(SafeFileHandle file, long[] starts) => (_file, _starts) = (file, starts);

    public int Count => _starts.Length - 1;

    public static ListItemsFile Open(string path)
    {
        var starts = new List<long> { 0 };
        using (var scan = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
        {
            var buffer = new byte[1 << 20];
            long position = 0;
            int read;
            while ((read = scan.Read(buffer)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                for (int from = 0, at; (at = chunk[from..].IndexOf((byte)'\n')) >= 0;)
                {
                    from += at + 1;
                    starts.Add(position + from);
                }

                position += read;
            }
        }

        return new ListItemsFile(File.OpenHandle(path, options: FileOptions.RandomAccess), [.. starts]);
    }

    /// <summary>Items <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="size"/> as one JSON array.</summary>
    public byte[] ReadArray(long offset, int size)
    {
        var first = (int)Math.Min(offset, Count);
        var end = (int)Math.Min(first + (long)size, Count);
        var length = (int)(_starts[end] - _starts[first]);
        if (length == 0)
        {
            return "[]"u8.ToArray();
        }

        // '[' then the lines, whose line ends become the commas and, last, the ']'.
        var array = new byte[length + 1];
        array[0] = (byte)'[';
        RandomAccess.Read(_file, array.AsSpan(1), _starts[first]);
        array.AsSpan(1).Replace((byte)'\n', (byte)',');
        array[^1] = (byte)']';
        return array;
    }
}
