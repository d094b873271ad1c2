// source: src/libutil/serialise.hh of Nix 2.8.0, lines 307-311
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libutil/serialise.hh#L307-L311
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

{
    unsigned char buf[8];
    buf[0] = n & 0xff;
    buf[1] = (n >> 8) & 0xff;
    buf[2] = (n >> 16) & 0xff;
