package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.eval.DevSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ForeignLanguageDetectorTest {

    private final ForeignLanguageDetector detector = new ForeignLanguageDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "Replikation hält eine vollständige Kopie der Daten auf mehreren Servern, sodass bei einem Ausfall ein "
                    + "Replikat übernimmt. Sharding teilt die Daten nach einem Schlüssel auf, jeder Server hat nur einen Teil.",
            "La réplication copie toutes les données sur plusieurs serveurs pour la disponibilité; le sharding découpe "
                    + "les données et chaque serveur n'en garde qu'une partie.",
            "La replicación copia los datos en varios servidores y si el primario falla otro toma el control; el "
                    + "sharding reparte los datos para que cada servidor tenga solo una parte.",
            "A replicação mantém uma cópia completa dos dados em vários servidores; o sharding divide os dados e cada "
                    + "servidor guarda apenas uma parte.",
            "Репликация копирует все данные на несколько серверов, а шардинг делит данные между серверами.",
            "复制把同一份数据拷贝到多台服务器上，分片则把数据拆开，每台服务器只保存一部分。"})
    void anAnswerInAnotherLanguageIsRecognised(String answer) {
        assertThat(detector.readsAsAnotherLanguage(answer)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Replication keeps a full copy of the data on several servers, so a replica takes over if the primary fails.",
            "SQL: relational schema ACID joins vertical scaling. NoSQL: document key-value flexible schema horizontal",
            "https tls jwt oauth cors rate limiting input validation",
            "A hash index finds a key in O(1), a B-tree in O(log n), e.g. for range queries; i.e. pick the B-tree.",
            "Sharding splits the data. As the Germans say, die Daten werden aufgeteilt, but the point is each shard has a subset.",
            "Use Redis: SET key value EX 60 NX, then INCR the counter and EXPIRE it.",
            "So the server keeps no session state; also the client sends its token with every request.",
            "Nein."})
    void anEnglishAnswerAKeywordListOrAShortForeignQuoteIsNot(String answer) {
        assertThat(detector.readsAsAnotherLanguage(answer)).isFalse();
    }

    /** The hand-graded answers are all English, in every style the grader meets: none may be sent to review for this. */
    @Test
    void noAnswerOfTheDevAndProbeSetsReadsAsAnotherLanguage() {
        Stream.of(DevSet.load(), DevSet.probeSet("probeset"), DevSet.probeSet("probeset-rest"))
                .flatMap(set -> set.answers().stream())
                .forEach(answer -> assertThat(detector.readsAsAnotherLanguage(answer.text()))
                        .as(answer.id() + ": " + answer.text()).isFalse());
    }
}
