package io.smbench.engine.ir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed examples validate cleanly and the generated one matches its generator. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("../examples");

  static List<Path> exampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"quickstart.json", "oplock-break.json", "load-mix-100.json"})
  void shouldValidateExampleWithoutErrorsOrWarnings(String name) {
    ValidationReport report = WorkloadValidator.validate(EXAMPLES.resolve(name));

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.summary().operationCount()).isPositive();
  }

  @Test
  void shouldHaveLoadMixWithHundredClientsAndTheWholeMix() {
    ValidationReport report = WorkloadValidator.validate(EXAMPLES.resolve("load-mix-100.json"));

    assertThat(report.summary().clientCount()).isEqualTo(100);
    assertThat(report.summary().operationsByKind()).containsKeys(
        "Open", "Read", "Write", "QueryDirectory", "Rename", "Delete", "Mkdir", "Rmdir", "Close");
  }

  @Test
  void shouldMatchCommittedLoadMixWithGeneratorOutput(@TempDir Path dir) throws IOException {
    Path fresh = dir.resolve("load-mix-100.json");
    LoadMixGenerator.write(fresh);
    if (Boolean.getBoolean("smbench.regenerateExamples")) {
      Files.copy(fresh, EXAMPLES.resolve("load-mix-100.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    assertThat(fresh).hasSameTextualContentAs(EXAMPLES.resolve("load-mix-100.json"));
  }
}
