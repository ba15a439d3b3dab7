package org.protectioncases.legal.ui;

import com.vaadin.flow.component.UI;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CasePageSection;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.legal.DocumentAssemblyService;
import org.protectioncases.security.Access;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Component;

/** The case page's "Documents" tab: fill a power of attorney, a request or an appeal from the case. */
@Component
class CaseDocumentsSection implements CasePageSection {

    private final DocumentAssemblyService documents;
    private final Access access;

    CaseDocumentsSection(DocumentAssemblyService documents, Access access) {
        this.documents = documents;
        this.access = access;
    }

    @Override
    public @Nullable Contribution create(CaseSummary c, boolean formerOwnerView) {
        if (formerOwnerView || !access.may(Permission.GENERATE_DOCUMENTS) || !documents.canGenerate(c.id())) {
            return null;
        }
        UI ui = UI.getCurrent();
        DocumentsPanel panel = new DocumentsPanel(c, documents, access.may(Permission.MANAGE_DOCUMENT_TEMPLATES));
        return new Contribution(ui.getTranslation("legal.documents.tab"), 3, panel, null);
    }
}
