package dev.embargo.policy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A v1 file becomes v2 by small text edits that keep its comments, order and quoting. */
class ProgramMigrationTest {

    @Test
    void theApiVersionAndTheEditorsSchemaChangeAndNothingElseWhenThereIsNoKey() {
        String v1 =
                """
                # yaml-language-server: $schema=../schemas/program.v1.schema.json
                # Our policy, from SECURITY.md.
                apiVersion: "embargo.dev/program/v1"   # the format
                slug: sample
                openPgp:
                  status: forthcoming
                """;
        assertThat(ProgramMigration.isV1(v1)).isTrue();
        assertThat(ProgramMigration.toV2(v1))
                .isEqualTo(
                        v1.replace("program/v1", "program/v2")
                                .replace("program.v1.schema", "program.v2.schema"));
    }

    @Test
    void theOneKeyOfABlockMappingBecomesTheFirstOfItsKeys() {
        String v1 =
                """
                apiVersion: embargo.dev/program/v1
                openPgp:
                  status: published
                  # The team key.
                  fingerprint: 3B2A1C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B
                  armoredKey: |
                    -----BEGIN PGP PUBLIC KEY BLOCK-----

                    mDMEZ
                    -----END PGP PUBLIC KEY BLOCK-----
                channels:
                  - type: web
                """;
        assertThat(ProgramMigration.toV2(v1))
                .isEqualTo(
                        """
                        apiVersion: embargo.dev/program/v2
                        openPgp:
                          status: published
                          # The team key.
                          keys:
                            - fingerprint: 3B2A1C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B
                              armoredKey: |
                                -----BEGIN PGP PUBLIC KEY BLOCK-----

                                mDMEZ
                                -----END PGP PUBLIC KEY BLOCK-----
                        channels:
                          - type: web
                        """);
    }

    @Test
    void theOneKeyOfAMappingInBracesBecomesAListInBraces() {
        String v1 =
                """
                apiVersion: embargo.dev/program/v1
                openPgp: { status: published, fingerprint: ABCD, armoredKey: "-----BEGIN x" }  # ok
                """;
        assertThat(ProgramMigration.toV2(v1))
                .isEqualTo(
                        """
                        apiVersion: embargo.dev/program/v2
                        openPgp: { status: published, keys: [ { fingerprint: ABCD, armoredKey: \
                        "-----BEGIN x" } ] }  # ok
                        """);
    }

    @Test
    void aKeyInBracesOverSeveralLinesIsLeftToTheAuthor() {
        String v1 =
                """
                apiVersion: embargo.dev/program/v1
                openPgp: { status: published, fingerprint: ABCD,
                  armoredKey: "-----BEGIN x" }
                """;
        assertThatThrownBy(() -> ProgramMigration.toV2(v1))
                .hasMessageContaining("move its fingerprint and armoredKey into openPgp.keys");
    }

    @Test
    void aV2FileIsNotV1() {
        assertThat(ProgramMigration.isV1("apiVersion: embargo.dev/program/v2\n")).isFalse();
    }
}
