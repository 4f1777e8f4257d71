namespace Mmap.Smt.Terms;

// Width markers: BitVec<W64> and BitVec<W8> are different C# types, so mixing widths is a compile error.
// Operations that change the width (extract, extend, concat) check the target width when the term is built.

public sealed class W1 : IWidth { public static int Bits => 1; }

public sealed class W8 : IWidth { public static int Bits => 8; }

public sealed class W12 : IWidth { public static int Bits => 12; }

public sealed class W16 : IWidth { public static int Bits => 16; }

public sealed class W32 : IWidth { public static int Bits => 32; }

public sealed class W52 : IWidth { public static int Bits => 52; }

public sealed class W64 : IWidth { public static int Bits => 64; }
