using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using NewsApi.Domain.Data;

namespace NewsApi.Ingest.Storage;

/// <summary>
/// Rows of provider values (<see cref="RowShape{T}.Pack"/>) packed back to back into one byte
/// array: text as UTF-8, numbers as bytes, each value behind a tag that keeps its CLR type. An
/// article's rows wait for the single writer through several garbage collections, and every
/// collection copies what they hold: as ~40 strings and boxes they were ~6 KB per article, packed
/// they are one array of ~2.5 KB. Text is also encoded here, beside the parsing, and not by the writer.
/// </summary>
static class PackedRows
{
    enum Tag : byte { Null, Text, Int64, Int32, Boolean, Double, DateTime, Blob }

    // Each packing thread reuses its buffer; only the packed copy is kept.
    [ThreadStatic]
    static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>This thread's buffer, emptied, to pack rows into (<see cref="RowShape{T}.Pack"/>) and then copy out.</summary>
    public static ArrayBufferWriter<byte> EmptyBuffer()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        return buffer;
    }

    /// <summary>A value of any of the packed types, or null.</summary>
    public static void Write(ArrayBufferWriter<byte> buffer, object? value)
    {
        switch (value)
        {
            case null:
                WriteNull(buffer);
                break;
            case string text:
                Write(buffer, text);
                break;
            case long number:
                Write(buffer, number);
                break;
            case int number:
                Write(buffer, number);
                break;
            case bool flag:
                Write(buffer, flag);
                break;
            case double number:
                Write(buffer, number);
                break;
            case DateTime time:
                Write(buffer, time);
                break;
            case byte[] bytes:
                Write(buffer, bytes);
                break;
            default:
                throw new NotSupportedException($"no packed form for a {value.GetType().Name}");
        }
    }

    public static void WriteNull(ArrayBufferWriter<byte> buffer) => buffer.Write([(byte)Tag.Null]);

    public static void Write(ArrayBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            WriteNull(buffer);
            return;
        }

        // A lone surrogate becomes U+FFFD, as Microsoft.Data.Sqlite's commands store it.
        var span = buffer.GetSpan(5 + Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, span[5..]);
        span[0] = (byte)Tag.Text;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], length);
        buffer.Advance(5 + length);
    }

    public static void Write(ArrayBufferWriter<byte> buffer, byte[]? bytes)
    {
        if (bytes is null)
        {
            WriteNull(buffer);
            return;
        }

        var blob = buffer.GetSpan(5 + bytes.Length);
        blob[0] = (byte)Tag.Blob;
        BinaryPrimitives.WriteInt32LittleEndian(blob[1..], bytes.Length);
        bytes.CopyTo(blob[5..]);
        buffer.Advance(5 + bytes.Length);
    }

    public static void Write(ArrayBufferWriter<byte> buffer, long number) => WriteFixed(buffer, Tag.Int64, number);

    public static void Write(ArrayBufferWriter<byte> buffer, int number) => WriteFixed(buffer, Tag.Int32, number);

    public static void Write(ArrayBufferWriter<byte> buffer, bool flag) => WriteFixed(buffer, Tag.Boolean, flag ? 1 : 0);

    public static void Write(ArrayBufferWriter<byte> buffer, double number) => WriteFixed(buffer, Tag.Double, BitConverter.DoubleToInt64Bits(number));

    // The kind rides in the top two bits, as DateTime.ToBinary keeps it for a UTC or unspecified time.
    public static void Write(ArrayBufferWriter<byte> buffer, DateTime time) => WriteFixed(buffer, Tag.DateTime, time.Ticks | ((long)time.Kind << 62));

    static void WriteFixed(ArrayBufferWriter<byte> buffer, Tag tag, long bits)
    {
        var span = buffer.GetSpan(9);
        span[0] = (byte)tag;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], bits);
        buffer.Advance(9);
    }

    /// <summary>Binds the value at <paramref name="offset"/> to parameter <paramref name="index"/>; returns the next value's offset.</summary>
    public static int Bind(byte[] packed, int offset, PositionalInsert insert, int index)
    {
        var tag = (Tag)packed[offset];
        switch (tag)
        {
            case Tag.Null:
                insert.BindNull(index);
                return offset + 1;
            case Tag.Text or Tag.Blob:
                var length = BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(offset + 1));
                var bytes = packed.AsSpan(offset + 5, length);
                if (tag == Tag.Text)
                {
                    insert.BindText(index, bytes);
                }
                else
                {
                    insert.BindBlob(index, bytes);
                }

                return offset + 5 + length;
            case Tag.DateTime:
                insert.BindDateTime(index, ReadDateTime(packed, offset));
                return offset + 9;
            case Tag.Double:
                insert.BindDouble(index, BitConverter.Int64BitsToDouble(ReadFixed(packed, offset)));
                return offset + 9;
            default:
                insert.BindInt64(index, ReadFixed(packed, offset));
                return offset + 9;
        }
    }

    /// <summary>The value at <paramref name="offset"/> as the CLR value that was packed; moves the offset past it.</summary>
    public static object? Read(byte[] packed, ref int offset)
    {
        var tag = (Tag)packed[offset];
        switch (tag)
        {
            case Tag.Null:
                offset += 1;
                return null;
            case Tag.Text or Tag.Blob:
                var length = BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(offset + 1));
                var bytes = packed.AsSpan(offset + 5, length);
                offset += 5 + length;
                return tag == Tag.Text ? Encoding.UTF8.GetString(bytes) : bytes.ToArray();
        }

        var bits = ReadFixed(packed, offset);
        var start = offset;
        offset += 9;
        return tag switch
        {
            Tag.Int64 => bits,
            Tag.Int32 => (int)bits,
            Tag.Boolean => bits != 0,
            Tag.Double => BitConverter.Int64BitsToDouble(bits),
            Tag.DateTime => ReadDateTime(packed, start),
            _ => throw new InvalidDataException($"unknown packed value tag {tag}"),
        };
    }

    static long ReadFixed(byte[] packed, int offset) => BinaryPrimitives.ReadInt64LittleEndian(packed.AsSpan(offset + 1));

    static DateTime ReadDateTime(byte[] packed, int offset)
    {
        var bits = ReadFixed(packed, offset);
        return new DateTime(bits & ~(3L << 62), (DateTimeKind)((ulong)bits >> 62));
    }
}
