use super::Fnv;
use std::hash::Hasher;

#[test]
fn fnv1a_matches_the_reference_vectors() {
    for (input, want) in [
        (&b""[..], 0xcbf2_9ce4_8422_2325),
        (b"a", 0xaf63_dc4c_8601_ec8c),
        (b"foobar", 0x8594_4171_f739_67e8),
    ] {
        let mut h = Fnv::default();
        h.write(input);
        assert_eq!(h.finish(), want, "{input:?}");
    }
}
