// source: src/libutil/logging.cc of Nix 2.8.0, lines 104-108
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libutil/logging.cc#L104-L108
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

};

Verbosity verbosity = lvlInfo;

void warnOnce(bool & haveWarned, const FormatOrString & fs)
