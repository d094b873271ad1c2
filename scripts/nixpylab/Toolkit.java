//JAVA 17+
//DEPS info.picocli:picocli:4.7.7
//DEPS org.apache.commons:commons-compress:1.28.0
//DEPS org.tukaani:xz:1.10
//DEPS com.github.luben:zstd-jni:1.5.7-6
//SOURCES *.java
//SOURCES nix/*.java
//SOURCES currentnix/*.java
//SOURCES workspace/*.java
//SOURCES source/*.java
//SOURCES derivation/*.java
//SOURCES steps/*.java
//SOURCES room/*.java
//SOURCES ../terminal/*.java
//SOURCES ../workshop/*.java
//FILES nixpylab/derivation/bare.nix=derivation/bare.nix
//FILES nixpylab/derivation/nixpkgs.nix=derivation/nixpkgs.nix
//FILES nixpylab/derivation/bare-postpatch.nix=derivation/bare-postpatch.nix
//FILES nixpylab/derivation/nixpkgs-postpatch.nix=derivation/nixpkgs-postpatch.nix
//FILES nixpylab/source/cpython-releases.tsv=source/cpython-releases.tsv
//FILES nixpylab/steps/hello-py.nix=steps/hello-py.nix
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Xshare:auto
package nixpylab;

/**
 * NixPy Lab's dependencies and sources, declared once. Every script includes this file with
 * {@code //SOURCES nixpylab/Toolkit.java}; JBang (0.132.1 checked) collects the //DEPS, //SOURCES,
 * //FILES and //JAVA_OPTIONS lines above from it, so a version bump is one edit here.
 */
final class Toolkit {
    private Toolkit() {}
}
