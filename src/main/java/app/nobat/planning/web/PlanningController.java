package app.nobat.planning.web;

import app.nobat.common.CommonRefusal;
import app.nobat.common.InvalidInput;
import app.nobat.planning.domain.Staffing;
import app.nobat.planning.domain.StaffingAnswer;
import app.nobat.planning.domain.StaffingQuestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staffing advice for supervisors and administrators: desks needed by Erlang C (docs/api-tour.md). */
@RestController
@RequestMapping("/api/planning")
@Tag(name = "planning", description = "Staffing advice from queueing theory")
public class PlanningController {

    /** A question and its answer, with the numbers that explain it. */
    public record DesksNeededView(
            double arrivalsPerHour,
            double meanServiceMinutes,
            double targetWaitMinutes,
            double share,
            int desksNeeded,
            double offeredLoadErlangs,
            double utilisation,
            double probabilityOfWaiting,
            double meanWaitMinutes,
            double shareWithinTarget) {}

    @GetMapping("/desks-needed")
    @Operation(
            summary = "The fewest desks at which at least 'share' of visitors wait at most 'targetWaitMinutes' "
                    + "(Erlang C, M/M/c), with the chance of waiting, the mean wait and the share within the "
                    + "target at that many desks; the model is known to err on the side of more desks")
    public DesksNeededView desksNeeded(
            @Parameter(description = "Visitors arriving per hour, 0 to 10000", example = "60")
                    @RequestParam(required = false)
                    Double arrivalsPerHour,
            @Parameter(description = "Mean minutes a desk spends on a visitor, above 0 and at most 480", example = "12")
                    @RequestParam(required = false)
                    Double meanServiceMinutes,
            @Parameter(description = "The wait to keep most visitors within, 0 to 480 minutes", example = "5")
                    @RequestParam(required = false)
                    Double targetWaitMinutes,
            @Parameter(
                            description = "The share of visitors to keep within the target, above 0 and at most 1",
                            example = "0.8")
                    @RequestParam(required = false)
                    Double share) {
        // optional in the binding so that every missing parameter is named at once, like a wrong one
        List<InvalidInput> missing = new ArrayList<>();
        require(arrivalsPerHour, "arrivalsPerHour", missing);
        require(meanServiceMinutes, "meanServiceMinutes", missing);
        require(targetWaitMinutes, "targetWaitMinutes", missing);
        require(share, "share", missing);
        if (!missing.isEmpty()) {
            throw InvalidInput.together(missing);
        }
        StaffingQuestion question = new StaffingQuestion(arrivalsPerHour, meanServiceMinutes, targetWaitMinutes, share);
        StaffingAnswer answer = Staffing.desksNeeded(question);
        return new DesksNeededView(
                question.arrivalsPerHour(),
                question.meanServiceMinutes(),
                question.targetWaitMinutes(),
                question.share(),
                answer.desksNeeded(),
                answer.offeredLoad(),
                answer.utilisation(),
                answer.probabilityOfWaiting(),
                answer.meanWaitMinutes(),
                answer.shareWithinTarget());
    }

    private static void require(Double value, String name, List<InvalidInput> missing) {
        if (value == null) {
            missing.add(CommonRefusal.REQUIRED.at("/" + name, "member", name));
        }
    }
}
