package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.KnowledgeSearchRequest;
import io.combot.adapter.in.web.WebDtos.KnowledgeSearchResponse;
import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.port.in.SearchKnowledgeUseCase;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KnowledgeController {
    private final SearchKnowledgeUseCase searchKnowledge;
    private final ChatWebMapper mapper;

    KnowledgeController(SearchKnowledgeUseCase searchKnowledge, ChatWebMapper mapper) {
        this.searchKnowledge = searchKnowledge;
        this.mapper = mapper;
    }

    @PostMapping(path = "/api/v1/knowledge/search", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    KnowledgeSearchResponse search(@RequestBody KnowledgeSearchRequest request) {
        KnowledgeQuery query = KnowledgeQuery.hybrid(request.query(),
                request.limit() == null ? KnowledgeQuery.DEFAULT_LIMIT : request.limit());
        return new KnowledgeSearchResponse(searchKnowledge.search(query).stream().map(mapper::toResponse).toList());
    }
}
