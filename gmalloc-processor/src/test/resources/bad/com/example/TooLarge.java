package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** Members of a class, not auxiliary classes: javac's [auxiliaryclass] lint would flag generated code. */
class TooLarge {
    /** 512 bytes: the largest general bucket. */
    @GMallocBucket
    record HalfKilo(
            long a00, long a01, long a02, long a03, long a04, long a05, long a06, long a07,
            long a08, long a09, long a10, long a11, long a12, long a13, long a14, long a15,
            long a16, long a17, long a18, long a19, long a20, long a21, long a22, long a23,
            long a24, long a25, long a26, long a27, long a28, long a29, long a30, long a31,
            long a32, long a33, long a34, long a35, long a36, long a37, long a38, long a39,
            long a40, long a41, long a42, long a43, long a44, long a45, long a46, long a47,
            long a48, long a49, long a50, long a51, long a52, long a53, long a54, long a55,
            long a56, long a57, long a58, long a59, long a60, long a61, long a62, long a63) {}

    /** Exactly 64 KiB: still a special bucket. */
    @GMallocBucket
    record SixtyFourKilo(
            HalfKilo h000, HalfKilo h001, HalfKilo h002, HalfKilo h003, HalfKilo h004, HalfKilo h005, HalfKilo h006, HalfKilo h007,
            HalfKilo h008, HalfKilo h009, HalfKilo h010, HalfKilo h011, HalfKilo h012, HalfKilo h013, HalfKilo h014, HalfKilo h015,
            HalfKilo h016, HalfKilo h017, HalfKilo h018, HalfKilo h019, HalfKilo h020, HalfKilo h021, HalfKilo h022, HalfKilo h023,
            HalfKilo h024, HalfKilo h025, HalfKilo h026, HalfKilo h027, HalfKilo h028, HalfKilo h029, HalfKilo h030, HalfKilo h031,
            HalfKilo h032, HalfKilo h033, HalfKilo h034, HalfKilo h035, HalfKilo h036, HalfKilo h037, HalfKilo h038, HalfKilo h039,
            HalfKilo h040, HalfKilo h041, HalfKilo h042, HalfKilo h043, HalfKilo h044, HalfKilo h045, HalfKilo h046, HalfKilo h047,
            HalfKilo h048, HalfKilo h049, HalfKilo h050, HalfKilo h051, HalfKilo h052, HalfKilo h053, HalfKilo h054, HalfKilo h055,
            HalfKilo h056, HalfKilo h057, HalfKilo h058, HalfKilo h059, HalfKilo h060, HalfKilo h061, HalfKilo h062, HalfKilo h063,
            HalfKilo h064, HalfKilo h065, HalfKilo h066, HalfKilo h067, HalfKilo h068, HalfKilo h069, HalfKilo h070, HalfKilo h071,
            HalfKilo h072, HalfKilo h073, HalfKilo h074, HalfKilo h075, HalfKilo h076, HalfKilo h077, HalfKilo h078, HalfKilo h079,
            HalfKilo h080, HalfKilo h081, HalfKilo h082, HalfKilo h083, HalfKilo h084, HalfKilo h085, HalfKilo h086, HalfKilo h087,
            HalfKilo h088, HalfKilo h089, HalfKilo h090, HalfKilo h091, HalfKilo h092, HalfKilo h093, HalfKilo h094, HalfKilo h095,
            HalfKilo h096, HalfKilo h097, HalfKilo h098, HalfKilo h099, HalfKilo h100, HalfKilo h101, HalfKilo h102, HalfKilo h103,
            HalfKilo h104, HalfKilo h105, HalfKilo h106, HalfKilo h107, HalfKilo h108, HalfKilo h109, HalfKilo h110, HalfKilo h111,
            HalfKilo h112, HalfKilo h113, HalfKilo h114, HalfKilo h115, HalfKilo h116, HalfKilo h117, HalfKilo h118, HalfKilo h119,
            HalfKilo h120, HalfKilo h121, HalfKilo h122, HalfKilo h123, HalfKilo h124, HalfKilo h125, HalfKilo h126, HalfKilo h127) {}

    /** One byte more than 64 KiB, 65544 after padding: system allocation and a warning. */
    @GMallocBucket
    record Huge(SixtyFourKilo body, byte tail) {}
}
