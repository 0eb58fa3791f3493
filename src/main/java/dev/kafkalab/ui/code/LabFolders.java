package dev.kafkalab.ui.code;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For each program a code lab opened: the lab's starter, and the solution of the step it is on. */
final class LabFolders {

    private record Folders(Path starter, Path solution) {
    }

    private final Map<String, Folders> byProgram = new ConcurrentHashMap<>();

    void put(String program, Path starter, Path solution) {
        byProgram.put(program, new Folders(starter, solution));
    }

    boolean has(String program) {
        return program != null && byProgram.containsKey(program);
    }

    Optional<Path> starter(String program) {
        return program == null ? Optional.empty() : Optional.ofNullable(byProgram.get(program)).map(Folders::starter);
    }

    Optional<Path> solution(String program) {
        return program == null ? Optional.empty() : Optional.ofNullable(byProgram.get(program)).map(Folders::solution);
    }
}
