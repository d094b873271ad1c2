# Exercise 1: the CPython source, fetched by Nix itself.
# Nix fetches a file only when you have told it, in advance, what the file's hash is.
import <nix/fetchurl.nix> {
  url = "@sourceUrl@";
  # TODO: a hash line goes here.
}
