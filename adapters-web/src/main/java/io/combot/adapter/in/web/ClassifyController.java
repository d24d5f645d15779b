package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.ClassificationResponse;
import io.combot.adapter.in.web.WebDtos.ClassifyRequest;
import io.combot.domain.port.in.ClassifyTextUseCase;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClassifyController {
    private final ClassifyTextUseCase classifyText;
    private final ChatWebMapper mapper;

    ClassifyController(ClassifyTextUseCase classifyText, ChatWebMapper mapper) {
        this.classifyText = classifyText;
        this.mapper = mapper;
    }

    @PostMapping(path = "/api/v1/classify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ClassificationResponse classify(@RequestBody ClassifyRequest request) {
        return mapper.toResponse(classifyText.classify(request.text()));
    }
}
