// Writes tests/Ingest.Tests/Fixtures/nfc-vectors.txt: NFC by ICU (Node's String.prototype.normalize),
// for NfcTests to hold src/Domain/Text/Nfc.cs to. Each line: input;NFC, as UTF-16 units in hex.
//   node tools/NfcTables/vectors.mjs > tests/Ingest.Tests/Fixtures/nfc-vectors.txt
// Every code point with a canonical decomposition (Hangul syllables: one in 97), alone and decomposed; then random sequences of
// letters, composites, marks of many classes, Hangul jamo and syllables, and lone surrogates.
const str = (...p) => String.fromCodePoint(...p);
const units = s => [...Array(s.length).keys()].map(i => s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')).join(' ');
const lines = [];
const line = s => lines.push(units(s) + ';' + units(s.normalize('NFC')));
for (let cp = 0; cp <= 0x10FFFF; cp++) {
    if (cp >= 0xD800 && cp <= 0xDFFF || cp >= 0xAC00 && cp <= 0xD7A3 && (cp - 0xAC00) % 97 !== 0) continue; // Hangul: a sample
    const s = str(cp);
    if (s.normalize('NFD') !== s) {
        line(s);
        line(s.normalize('NFD'));
    }
}

const alphabet = [0x61, 0x41, 0x65, 0x45, 0x6F, 0x20, 0x2D, 0xEA, 0xC5, 0x1EB9, 0x212B, 0x3B1, 0x1F00, 0x1F80, 0x3C9, 0x3D2,
    0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x30A, 0x30C, 0x313, 0x314, 0x316, 0x323, 0x327, 0x328, 0x334,
    0x338, 0x342, 0x345, 0x35C, 0x35D, 0x340, 0x344, 0xF71, 0xF72, 0xF73, 0xF80, 0x1D158, 0x1D165, 0x1D16E, 0x1D15F,
    0x915, 0x928, 0x930, 0x93C, 0x94D, 0x9C7, 0x9BE, 0x9D7, 0xBC6, 0xBBE, 0xBD7, 0xB47, 0xB3E, 0xB56, 0x1025, 0x102E,
    0x1100, 0x1112, 0x1161, 0x1175, 0x11A7, 0x11A8, 0x11C2, 0xAC00, 0xAC01, 0xD7A3, 0x304B, 0x3099, 0x309A, 0x627, 0x64A,
    0x653, 0x654, 0x655, 0x64B, 0x5D0, 0x5B7, 0x5BC, 0xFB2E, 0x1B05, 0x1B35, 0x11099, 0x110BA, 0x113C2, 0x113B8, 0x113C9,
    0x113C8, 0x16D63, 0x16D67, 0x16D69, 0xD800, 0xDC00];
let seed = 20261127;
const random = n => { // mulberry32
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n);
};
const units16 = cps => String.fromCharCode(...cps.flatMap(c => c > 0xFFFF ? [0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF)] : [c]));
for (let k = 0; k < 1500; k++) {
    const length = 1 + random(7);
    line(units16(Array.from({ length }, () => alphabet[random(alphabet.length)])));
}

// Segments longer than Nfc checks on the stack (64 code points).
const marks = n => Array(n).fill(0x316);
for (const s of [[0x65, 0x302, ...marks(70)], [0xEA, ...marks(70)], [0xEA, ...marks(70), 0x323], [0x65, ...marks(70), 0x323, 0x302], [0x1100, ...marks(70), 0x1161]]) {
    line(units16(s));
}

process.stdout.write(lines.join('\n') + '\n');
