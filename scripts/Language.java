///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.steps.LanguageStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "Language", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "The Nix the video is unsure of, asked of Nix: its file as shown and fixed (nix-instantiate --parse), with rec, '' strings, ${ and ''${.",
        exitCodeList = {ExitCodes.OK, ExitCodes.USER_ERROR})
public class Language implements Callable<Integer> {
    @Mixin
    LabOptions options;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Language(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.LANGUAGE)) {
            LanguageStep.Outcome r = LanguageStep.run(lab.workspace(), lab.nix());
            lab.say("each file is in " + lab.path(r.folder()) + "; the commands run in " + lab.path(lab.workspace().dir()) + ": change a file and ask again");
            int refused = 0;
            for (LanguageStep.Lesson l : r.lessons()) {
                lab.say("");
                lab.say("-- " + l.file() + ": " + l.about());
                for (String line : l.text().split("\n")) lab.say("   | " + line);
                lab.command(l.command());
                for (String a : l.answer()) {
                    if (l.ok()) lab.print(a);
                    else lab.say(Cli.relative(a));
                }
                if (!l.ok()) refused++;
            }
            return lab.done(r.lessons().size() + " files asked, " + refused + " refused by Nix");
        }
    }
}
