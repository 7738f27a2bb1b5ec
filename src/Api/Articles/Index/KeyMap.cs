namespace NewsApi.Api.Articles.Index;

/// <summary>
/// Search key (see <c>ArticleSearch</c>) to index row. Keys are dense (SQLite hands out rowids one
/// after another), so a plain array is the map; should they spread out, sorted pairs and a binary search.
/// </summary>
sealed class KeyMap
{
    readonly int[]? _rowByKey;
    readonly int[]? _sortedKeys;
    readonly int[]? _sortedRows;

    public KeyMap(int[] keyByRow)
    {
        var max = keyByRow.Length == 0 ? 0 : keyByRow.Max();
        if (max <= 2L * keyByRow.Length + 1024)
        {
            _rowByKey = new int[max + 1];
            Array.Fill(_rowByKey, -1);
            for (var row = 0; row < keyByRow.Length; row++)
            {
                _rowByKey[keyByRow[row]] = row;
            }
        }
        else
        {
            _sortedKeys = (int[])keyByRow.Clone();
            _sortedRows = new int[keyByRow.Length];
            for (var row = 0; row < _sortedRows.Length; row++)
            {
                _sortedRows[row] = row;
            }

            Array.Sort(_sortedKeys, _sortedRows);
        }
    }

    public long Bytes => (_rowByKey?.Length ?? 0) * 4L + (_sortedKeys?.Length ?? 0) * 8L;

    /// <summary>The key's row, or -1 when the key is no published article of the index.</summary>
    public int RowOf(long key)
    {
        if (key < 0 || key > int.MaxValue)
        {
            return -1;
        }

        if (_rowByKey is not null)
        {
            return key < _rowByKey.Length ? _rowByKey[key] : -1;
        }

        var at = Array.BinarySearch(_sortedKeys!, (int)key);
        return at >= 0 ? _sortedRows![at] : -1;
    }
}
