print("hello from a Nix-built app")
