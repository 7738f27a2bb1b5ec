using Microsoft.Win32.SafeHandles;

namespace NewsApi.Api.Articles.ListFile;

/// <summary>
/// List items as JSON, one per line, in list order: the line starts are held in memory (8 bytes an
/// item), the items stay on disk, in the OS's page cache rather than the process's memory, and a
/// page of them is one positioned read per run of consecutive items.
/// </summary>
public sealed class ListItemsFile : IDisposable
{
    readonly SafeFileHandle _file;
    readonly long[] _starts;

    ListItemsFile(SafeFileHandle file, long[] starts) => (_file, _starts) = (file, starts);

    public int Count => _starts.Length - 1;

    public long Bytes => _starts[^1];

    /// <summary>The positions of items <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="size"/> (those past the end are left out).</summary>
    public int[] Positions(long offset, int size)
    {
        var (first, end) = Clip(offset, size);
        return [.. Enumerable.Range(first, end - first)];
    }

    /// <summary>The bytes <see cref="ReadItems(IReadOnlyList{int}, Span{byte})"/> gives for these items.</summary>
    public int Length(IReadOnlyList<int> items)
    {
        var length = 0L;
        foreach (var item in items)
        {
            length += _starts[item + 1] - _starts[item];
        }

        return checked((int)length);
    }

    /// <summary>
    /// The items at these positions, in this order, into <paramref name="destination"/>
    /// (<see cref="Length(IReadOnlyList{int})"/> bytes), each followed by a comma; a run of
    /// consecutive positions is one read.
    /// </summary>
    public void ReadItems(IReadOnlyList<int> items, Span<byte> destination)
    {
        var at = 0;
        for (var i = 0; i < items.Count;)
        {
            var first = items[i++];
            var end = first + 1;
            while (i < items.Count && items[i] == end)
            {
                (i, end) = (i + 1, end + 1);
            }

            at += Read(first, end, destination[at..]);
        }

        destination[..at].Replace((byte)'\n', (byte)',');
    }

    /// <summary>Items <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="size"/> as one JSON array.</summary>
    public byte[] ReadArray(long offset, int size)
    {
        var items = Positions(offset, size);
        var length = Length(items);
        if (length == 0)
        {
            return "[]"u8.ToArray();
        }

        var array = new byte[length + 1];
        array[0] = (byte)'[';
        ReadItems(items, array.AsSpan(1));
        array[^1] = (byte)']';
        return array;
    }

    public void Dispose() => _file.Dispose();

    // Items first to end (exclusive) as they are on disk, at the start of destination; returns their length.
    int Read(int first, int end, Span<byte> destination)
    {
        var items = destination[..(int)(_starts[end] - _starts[first])];
        if (RandomAccess.Read(_file, items, _starts[first]) != items.Length)
        {
            throw new IOException("The list items file is shorter than its line starts say.");
        }

        return items.Length;
    }

    (int First, int End) Clip(long offset, int size)
    {
        var first = (int)Math.Min(offset, Count);
        return (first, (int)Math.Min(first + (long)size, Count));
    }

    /// <summary>Opens a file written elsewhere, finding its line starts in one pass.</summary>
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

    /// <summary>
    /// Starts a new file in <paramref name="folder"/> with no name left on disk once it is open (on
    /// Linux), so a process that dies leaves nothing behind; its space is freed when the last handle
    /// closes: the one <see cref="Writer.Complete"/> hands to the finished file, or the writer's.
    /// </summary>
    public static Writer Create(string folder, int expectedCount)
    {
        var path = Path.Combine(folder, $"newsapi-list-{Guid.NewGuid():N}.jsonl");
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, FileOptions.DeleteOnClose);
        File.Delete(path);
        return new Writer(file, expectedCount);
    }

    /// <summary>Appends items (each one line of JSON) to a new file, then hands the file over for reading.</summary>
    public sealed class Writer(SafeFileHandle file, int expectedCount) : IDisposable
    {
        // Sized for the expected items, so that the finished file keeps this array (7.6 MB at
        // 1,000,000) rather than a copy of it, and no second one is left for the collector.
        long[] _starts = new long[Math.Max(expectedCount, 0) + 1];
        int _count;
        readonly byte[] _buffer = new byte[1 << 20];
        int _buffered;
        long _flushed;
        bool _completed;

        public void Append(ReadOnlySpan<byte> item)
        {
            if (item.Contains((byte)'\n'))
            {
                throw new ArgumentException("A list item must be one line of JSON.", nameof(item));
            }

            if (_buffered + item.Length + 1 > _buffer.Length)
            {
                Flush();
            }

            if (item.Length + 1 > _buffer.Length)
            {
                RandomAccess.Write(file, item, _flushed);
                RandomAccess.Write(file, "\n"u8, _flushed + item.Length);
                _flushed += item.Length + 1;
            }
            else
            {
                item.CopyTo(_buffer.AsSpan(_buffered));
                _buffer[_buffered + item.Length] = (byte)'\n';
                _buffered += item.Length + 1;
            }

            if (_count + 1 == _starts.Length)
            {
                Array.Resize(ref _starts, Math.Max(16, _starts.Length * 2));
            }

            _starts[++_count] = _flushed + _buffered;
        }

        public ListItemsFile Complete()
        {
            Flush();
            _completed = true;
            return new ListItemsFile(file, _count + 1 == _starts.Length ? _starts : _starts[..(_count + 1)]);
        }

        public void Dispose()
        {
            if (!_completed)
            {
                file.Dispose();
            }
        }

        void Flush()
        {
            RandomAccess.Write(file, _buffer.AsSpan(0, _buffered), _flushed);
            _flushed += _buffered;
            _buffered = 0;
        }
    }
}
