package app.nobat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.nobat.booking.domain.CalendarMessages;
import app.nobat.booking.domain.DayBookCommand;
import app.nobat.booking.domain.DayBookEvent;
import app.nobat.booking.domain.IdentityGuardMessages;
import app.nobat.centre.domain.CentreMessages;
import app.nobat.floor.domain.FloorCommand;
import app.nobat.floor.domain.FloorEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** Guards the layout: package by context, domain free of Spring and infrastructure, messages as records. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.nobat");
    }

    @Test
    void domainIsFreeOfSpringAndInfrastructure() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "org.bson..",
                        "reactor..",
                        "com.fasterxml..",
                        "app.nobat.platform..",
                        "app.nobat.eventstore..",
                        "org.axonframework.spring..",
                        "de.bwaldvogel..")
                .because("the domain holds the rules; Spring, storage and the web are wired around it")
                .check(classes);
    }

    @Test
    void theFloorDomainKnowsNothingOfOtherContexts() {
        noClasses()
                .that()
                .resideInAPackage("app.nobat.floor.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "app.nobat.centre..",
                        "app.nobat.display..",
                        "app.nobat.tracking..",
                        "app.nobat.floor.board..",
                        "app.nobat.floor.web..")
                .check(classes);
    }

    @Test
    void theBookingDomainKnowsNothingOfOtherContexts() {
        noClasses()
                .that()
                .resideInAPackage("app.nobat.booking.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "app.nobat.centre..",
                        "app.nobat.floor..",
                        "app.nobat.display..",
                        "app.nobat.tracking..",
                        "app.nobat.booking.privacy..",
                        "app.nobat.booking.web..",
                        "app.nobat.booking.appointments..")
                .because("day books, guards and calendars hold the booking rules; personal data never reaches them")
                .check(classes);
    }

    @Test
    void thePlanningDomainIsArithmeticOnItsOwn() {
        noClasses()
                .that()
                .resideInAPackage("app.nobat.planning.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "app.nobat.access..",
                        "app.nobat.booking..",
                        "app.nobat.centre..",
                        "app.nobat.floor..",
                        "app.nobat.display..",
                        "app.nobat.tracking..",
                        "app.nobat.planning.web..",
                        "org.axonframework..")
                .because("staffing advice is a formula on the planner's numbers, not on any context's state")
                .check(classes);
    }

    @Test
    void theDaySimulatorRunsWithoutSpringOrStorage() {
        noClasses()
                .that()
                .resideInAPackage("app.nobat.planning.simulation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "app.nobat.platform..",
                        "app.nobat.eventstore..",
                        "de.bwaldvogel..")
                .because("it plays days through the real floor in a small in-memory Axon configuration of its own")
                .check(classes);
    }

    @Test
    void theFloorDoesNotDependOnBooking() {
        noClasses()
                .that()
                .resideInAPackage("app.nobat.floor..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("app.nobat.booking..")
                .because("booking checks visitors in through the floor's own port, not the other way round")
                .check(classes);
    }

    @Test
    void theEventStoreIsAComponentOfItsOwn() {
        noClasses()
                .that()
                .resideInAPackage("app.nobat.eventstore..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "app.nobat.centre..",
                        "app.nobat.floor..",
                        "app.nobat.display..",
                        "app.nobat.tracking..",
                        "app.nobat.platform..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void readModelsAndDomainDoNotReachIntoTheWebLayer() {
        noClasses()
                .that()
                .resideInAnyPackage("..domain..", "..board..", "..catalog..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "app.nobat.display..", "app.nobat.tracking..")
                .check(classes);
    }

    @Test
    void controllersLiveInTheirContextsWebSlice() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAnyPackage("..web..", "app.nobat.display", "app.nobat.tracking")
                .check(classes);
    }

    @Test
    void messagesAreRecords() {
        ArchCondition<JavaClass> beRecords = new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                // the sealed interfaces of a family are not messages, their records are
                if (!item.isInterface() && !item.reflect().isRecord()) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " is not a record"));
                }
            }
        };
        classes()
                .that()
                .implement(FloorEvent.class)
                .or()
                .implement(FloorCommand.class)
                .or()
                .implement(DayBookEvent.class)
                .or()
                .implement(DayBookCommand.class)
                .or()
                .haveNameMatching(CentreMessages.class.getName().replace("$", "\\$") + "\\$.*")
                .or()
                .haveNameMatching(CalendarMessages.class.getName() + "\\$.*")
                .or()
                .haveNameMatching(IdentityGuardMessages.class.getName() + "\\$.*")
                .should(beRecords)
                .check(classes);
    }
}
