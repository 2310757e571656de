package dev.embargo.triage.mapping;

import dev.embargo.policy.model.CvssScore;
import dev.embargo.triage.domain.CvssRating;
import dev.embargo.triage.rest.CvssScoreView;
import jakarta.enterprise.context.ApplicationScoped;

/** A computed CVSS score on the wire. */
@ApplicationScoped
public class CvssMapper {

    public CvssScoreView toView(CvssScore score) {
        String vector = score.vector();
        String version = vector.substring("CVSS:".length(), vector.indexOf('/'));
        return new CvssScoreView(
                version, vector, score.baseScore(), CvssRating.of(score.baseScore()).wireName());
    }
}
