package dev.embargo.policy.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.embargo.policy.io.ProgramCheck;
import dev.embargo.policy.io.ProgramFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code embargo policy migrate FILE}: the v1 program file's migration to v2 as a unified diff, to
 * read and apply ({@code git apply}, {@code patch -p1}). Migration is optional, v1 files keep
 * loading; the command checks that the migrated file loads as the very same program.
 */
final class MigrateCommand {

    static final String USAGE =
            "migrate FILE                print the migration of a v1 program file to v2 as a"
                    + " unified diff\n"
                    + "                            (apply it with git apply or patch -p1)";

    private MigrateCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of());
        if (arguments.operands().size() != 1) {
            throw new UsageException("migrate needs one program file");
        }
        String file = arguments.operands().getFirst();
        ProgramFiles files = new ProgramFiles();
        Diagnostics diagnostics = new Diagnostics(err);
        ProgramCheck original = diagnostics.check(files, file).orElse(null);
        if (original == null || !original.valid()) {
            return 1;
        }
        String text = read(file);
        if (!ProgramMigration.isV1(text)) {
            err.println(
                    file + ": nothing to migrate: it is not a " + ProgramMigration.V1 + " file");
            return 0;
        }
        String migrated;
        try {
            migrated = ProgramMigration.toV2(text);
        } catch (IllegalArgumentException e) {
            diagnostics.error(file, null, "openPgp", e.getMessage());
            return 1;
        }
        List<String> before = Arrays.asList(text.split("\n", -1));
        List<String> after = Arrays.asList(migrated.split("\n", -1));
        UnifiedDiffUtils.generateUnifiedDiff(
                        label("a/", file),
                        label("b/", file),
                        before,
                        DiffUtils.diff(before, after),
                        3)
                .forEach(out::println);
        return loadsAsTheSameProgram(files, original, file, migrated, diagnostics) ? 0 : 1;
    }

    /**
     * The migrated text must load and mean what the original meant; the edits are few, but a
     * migration that changed a policy without a word would be worse than none.
     */
    private static boolean loadsAsTheSameProgram(
            ProgramFiles files,
            ProgramCheck original,
            String file,
            String migrated,
            Diagnostics diagnostics) {
        ProgramCheck check = files.check(migrated);
        String after = file + " (migrated)";
        check.errors()
                .forEach(
                        error ->
                                diagnostics.error(
                                        after, error.line(), error.field(), error.message()));
        if (!check.valid()) {
            return false;
        }
        if (!files.toJson(check.program()).equals(files.toJson(original.program()))) {
            diagnostics.error(after, null, "", "does not read as the same program as " + file);
            return false;
        }
        return true;
    }

    private static String label(String side, String file) {
        return Path.of(file).isAbsolute() ? file : side + file;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
