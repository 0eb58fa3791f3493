package dev.kafkalab.course;

import dev.kafkalab.content.ContentFiles;
import dev.kafkalab.content.ContentLink;
import dev.kafkalab.content.FormatException;
import dev.kafkalab.content.Reference;
import dev.kafkalab.lab.Lab;
import dev.kafkalab.lab.LabCatalog;
import dev.kafkalab.quiz.Quiz;
import dev.kafkalab.quiz.QuizParser;
import dev.kafkalab.slides.Deck;
import dev.kafkalab.slides.DeckParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * All the course's content: labs from {@code labs/}, decks ({@code *.md}) and quizzes
 * ({@code *.quiz.md}) from {@code slides/}. A file that cannot be read is listed with its
 * problem; a link to a lab step or slide that does not exist is a problem of the file that has it.
 */
public final class Course {

    public static final String QUIZ_SUFFIX = ".quiz.md";

    /** A file of the course, read or not: exactly one of item and problem is set. */
    public record Entry<T>(Path file, T item, FormatException problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(Path file) throws FormatException;
    }

    private final LabCatalog labs;
    private final List<Entry<Deck>> decks;
    private final List<Entry<Quiz>> quizzes;

    private Course(LabCatalog labs, List<Entry<Deck>> decks, List<Entry<Quiz>> quizzes) {
        this.labs = labs;
        this.decks = decks;
        this.quizzes = quizzes;
    }

    public static Course load(Path labsFolder, Path slidesFolder) {
        LabCatalog labs = LabCatalog.load(labsFolder);
        List<Path> files = markdown(slidesFolder);
        List<Entry<Deck>> decks = read(files.stream().filter(f -> !isQuiz(f)).toList(), DeckParser::parse);
        List<Entry<Quiz>> quizzes = read(files.stream().filter(Course::isQuiz).toList(), QuizParser::parse);
        Course course = new Course(labs, decks, quizzes);
        return new Course(labs, course.checkLinks(decks, Deck::references), course.checkLinks(quizzes,
                Quiz::references));
    }

    /** The folders beside the app, as {@link LabCatalog#besideTheApp} finds them. */
    public static Course load() {
        return load(LabCatalog.defaultFolder(), LabCatalog.besideTheApp("kafkalab.slides", "slides"));
    }

    private static boolean isQuiz(Path file) {
        return file.getFileName().toString().endsWith(QUIZ_SUFFIX);
    }

    private static List<Path> markdown(Path folder) {
        try {
            return ContentFiles.markdown(folder);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static <T> List<Entry<T>> read(List<Path> files, Reader<T> reader) {
        List<Entry<T>> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(new Entry<>(f, reader.read(f), null));
            } catch (FormatException e) {
                out.add(new Entry<>(f, null, e));
            }
        }
        return List.copyOf(out);
    }

    /** The same entries, a file whose first broken link is turned into its problem. */
    private <T> List<Entry<T>> checkLinks(List<Entry<T>> entries, java.util.function.Function<T, List<Reference>> refs) {
        List<Entry<T>> out = new ArrayList<>();
        for (Entry<T> e : entries) {
            Optional<FormatException> broken = !e.ok() ? Optional.empty() : refs.apply(e.item()).stream()
                    .map(r -> problem(r.link()).map(why -> new FormatException(e.file(), r.line(), why)))
                    .flatMap(Optional::stream).findFirst();
            out.add(broken.map(p -> new Entry<T>(e.file(), null, p)).orElse(e));
        }
        return List.copyOf(out);
    }

    /** Why a link leads nowhere, or empty when it leads to a step or slide that exists. */
    public Optional<String> problem(ContentLink link) {
        if (link.kind() == ContentLink.Kind.LAB) {
            Optional<Lab> lab = labs.lab(link.id());
            if (lab.isEmpty()) {
                return Optional.of("no lab '" + link.id() + "' in labs/ (or it does not load)");
            }
            int steps = lab.get().steps().size();
            return link.number() > steps ? Optional.of("lab " + link.id() + " has " + steps + " steps, not "
                    + link.number()) : Optional.empty();
        }
        Optional<Deck> deck = deck(link.id());
        if (deck.isEmpty()) {
            return Optional.of("no deck '" + link.id() + "' in slides/ (or it does not load)");
        }
        int slides = deck.get().slides().size();
        return link.number() > slides ? Optional.of("deck " + link.id() + " has " + slides + " slides, not "
                + link.number()) : Optional.empty();
    }

    public LabCatalog labs() {
        return labs;
    }

    public List<Entry<Deck>> deckEntries() {
        return decks;
    }

    public List<Entry<Quiz>> quizEntries() {
        return quizzes;
    }

    public List<Deck> decks() {
        return decks.stream().filter(Entry::ok).map(Entry::item).toList();
    }

    public List<Quiz> quizzes() {
        return quizzes.stream().filter(Entry::ok).map(Entry::item).toList();
    }

    public Optional<Deck> deck(String id) {
        return decks.stream().filter(e -> e.ok() && e.item().id().equals(id)).map(Entry::item).findFirst();
    }

    public Optional<Quiz> quiz(String id) {
        return quizzes().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The quiz of a module, if the course has one. */
    public Optional<Quiz> quizOf(int module) {
        return quizzes().stream().filter(q -> q.module() == module).findFirst();
    }

    /** Every file that does not load or links nowhere, labs included. */
    public List<FormatException> problems() {
        List<FormatException> out = new ArrayList<>();
        labs.entries().stream().filter(e -> !e.ok()).forEach(e -> out.add(e.problem()));
        decks.stream().filter(e -> !e.ok()).forEach(e -> out.add(e.problem()));
        quizzes.stream().filter(e -> !e.ok()).forEach(e -> out.add(e.problem()));
        return out;
    }
}
