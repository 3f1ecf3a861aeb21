/**
 * The "Cite" button of Draftail rich text fields (feature "citation").
 *
 * Select the words that make a claim, click "Cite", choose a source in Wagtail's
 * page chooser (restricted to source pages), then give an optional pinpoint (page,
 * timestamp or quoted passage). The words become a CITATION entity with the data
 * {id, pinpoint, title, parentId, editUrl}; the server stores it as
 * <a linktype="citation" id="42" data-pinpoint="p. 12">the words</a>
 * (see articles/citation_editor.py).
 *
 * Plain ES2017, no build step: uses window.draftail, window.React, window.DraftJS
 * and window.jQuery provided by the Wagtail admin.
 */
(() => {
  'use strict';

  const { draftail, React, DraftJS } = window;
  if (!draftail || !React || !DraftJS) {
    return;
  }
  if (window.collectiveCitationEditor) {
    // Already registered (the script is included once per rich text field's media).
    return;
  }
  window.collectiveCitationEditor = true;

  const TYPE = 'CITATION';
  const h = React.createElement;
  const { EditorState, Modifier, RichUtils } = DraftJS;

  const STYLE = `
.citation-entity .TooltipEntity {
  text-decoration: underline dotted;
  text-underline-offset: 0.2em;
  text-decoration-thickness: 2px;
  text-decoration-color: var(--w-color-secondary-100, #00b0b1);
}
.citation-entity .TooltipEntity::after {
  content: "cite";
  display: inline-block;
  font-size: 0.65em;
  vertical-align: super;
  line-height: 0;
  margin-inline-start: 0.15em;
  padding: 0 0.25em;
  border-radius: 0.25em;
  background: var(--w-color-secondary-50, #e0fbf4);
  color: var(--w-color-secondary-400, #005b5e);
  font-weight: 600;
  user-select: none;
}
.citation-entity--missing .TooltipEntity { text-decoration-color: var(--w-color-critical-200, #cd4444); }
.citation-entity--missing .TooltipEntity::after {
  content: "cite: missing source";
  color: var(--w-color-critical-200, #cd4444);
}
.citation-pinpoint {
  border: 0;
  border-radius: 0.5rem;
  padding: 1.5rem;
  width: min(32rem, 90vw);
  background: var(--w-color-surface-page, #fff);
  color: var(--w-color-text-context, #262626);
  box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.3);
}
.citation-pinpoint::backdrop { background: rgb(0 0 0 / 0.5); }
.citation-pinpoint h2 { margin: 0 0 0.5rem; font-size: 1.25rem; }
.citation-pinpoint p { margin: 0 0 1rem; }
.citation-pinpoint label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.citation-pinpoint input { width: 100%; box-sizing: border-box; }
.citation-pinpoint .citation-pinpoint__actions { display: flex; gap: 0.5rem; margin-top: 1rem; }
`;

  const addStyle = () => {
    if (document.getElementById('citation-editor-style')) {
      return;
    }
    const style = document.createElement('style');
    style.id = 'citation-editor-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  };

  const isCitation = (entity) => Boolean(entity && entity.getType() === TYPE);

  const sourceLabel = (data) => {
    const title = data.title || (data.id ? `Source #${data.id} (not found)` : 'No source');
    return data.pinpoint ? `${title}, ${data.pinpoint}` : title;
  };

  /**
   * Ask for the pinpoint in a small modal <dialog>. Resolves to the pinpoint
   * ("" for none), or null when the editor cancels.
   */
  const askPinpoint = (sourceTitle, initial) => {
    if (typeof window.HTMLDialogElement !== 'function') {
      const answer = window.prompt(
        `Pinpoint in “${sourceTitle}” (page, timestamp or quoted passage), optional:`,
        initial,
      );
      return Promise.resolve(answer === null ? null : answer.trim());
    }
    return new Promise((resolve) => {
      const dialog = document.createElement('dialog');
      dialog.className = 'citation-pinpoint';
      dialog.setAttribute('aria-labelledby', 'citation-pinpoint-heading');
      dialog.innerHTML = `
        <form method="dialog">
          <h2 id="citation-pinpoint-heading">Cite source</h2>
          <p class="citation-pinpoint__source"></p>
          <label for="citation-pinpoint-input">Pinpoint (optional)</label>
          <input type="text" id="citation-pinpoint-input" name="pinpoint" maxlength="255"
                 autocomplete="off" placeholder="e.g. p. 12, 00:14:05, or “a quoted passage”">
          <div class="citation-pinpoint__actions">
            <button type="submit" class="button" value="save">Save citation</button>
            <button type="submit" class="button button-secondary" value="cancel">Cancel</button>
          </div>
        </form>`;
      dialog.querySelector('.citation-pinpoint__source').textContent = sourceTitle;
      const input = dialog.querySelector('input');
      input.value = initial;
      dialog.addEventListener('close', () => {
        const saved = dialog.returnValue === 'save';
        const value = input.value.trim();
        dialog.remove();
        resolve(saved ? value : null);
      });
      // Enter in the text field submits with the first button: "Save citation".
      document.body.appendChild(dialog);
      dialog.showModal();
      input.focus();
      input.select();
    });
  };

  class CitationSource extends draftail.ModalWorkflowSource {
    getChooserConfig(entity) {
      const { entityType } = this.props;
      const { pageChooser } = { ...entityType?.chooserUrls };
      let url = pageChooser;
      if (isCitation(entity)) {
        // Open the chooser where the cited source is, like page links do.
        const { parentId } = entity.getData();
        if (parentId) {
          url = `${pageChooser}${parentId}/`;
        }
      }
      return {
        url,
        urlParams: { page_type: entityType.pageType || 'articles.sourcepage' },
        onload: window.PAGE_CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: { pageChosen: this.onChosen },
      };
    }

    filterEntityData(data) {
      return {
        id: Number(data.id),
        title: String(data.title || data.adminTitle || ''),
        parentId: data.parentId ? Number(data.parentId) : null,
        editUrl: data.editUrl || null,
      };
    }

    /**
     * Unlike the base class, ask for the pinpoint once a source is chosen, and
     * create the entity as MUTABLE (like a link) so the cited words stay editable.
     */
    onChosen(data) {
      const { entity, onClose } = this.props;
      const entityData = this.filterEntityData(data);
      const previous = isCitation(entity) ? entity.getData().pinpoint || '' : '';

      // Closing the chooser must not cancel the source while the pinpoint is asked.
      window.jQuery(document.body).off('hidden.bs.modal', this.onClose);
      this.workflow.close();

      askPinpoint(entityData.title || `Source #${entityData.id}`, previous).then((pinpoint) => {
        if (pinpoint === null) {
          onClose();
          return;
        }
        this.insertCitation({ ...entityData, pinpoint });
      });
    }

    insertCitation(entityData) {
      const { editorState, onComplete } = this.props;
      const content = editorState.getCurrentContent();
      const selection = editorState.getSelection();
      const contentWithEntity = content.createEntity(TYPE, 'MUTABLE', entityData);
      const entityKey = contentWithEntity.getLastCreatedEntityKey();
      let nextState;
      if (selection.isCollapsed()) {
        // Nothing selected: cite with the source's title as the words.
        const newContent = Modifier.replaceText(
          contentWithEntity,
          selection,
          entityData.title || `Source #${entityData.id}`,
          null,
          entityKey,
        );
        nextState = EditorState.push(editorState, newContent, 'insert-characters');
      } else {
        nextState = RichUtils.toggleLink(editorState, selection, entityKey);
      }
      onComplete(nextState);
    }
  }

  const ICON = h(
    'svg',
    { className: 'icon icon-openquote', 'aria-hidden': 'true' },
    h('use', { href: '#icon-openquote' }),
  );

  /** The cited words in the editor: dotted underline, "cite" mark, source on hover. */
  const Citation = (props) => {
    const { entityKey, contentState } = props;
    const data = contentState.getEntity(entityKey).getData();
    const label = sourceLabel(data);
    const missing = !data.title;
    return h(
      'span',
      {
        className: `citation-entity${missing ? ' citation-entity--missing' : ''}`,
        title: `Cites: ${label}`,
        'data-citation-source': data.id || '',
        'data-citation-pinpoint': data.pinpoint || '',
      },
      h(draftail.TooltipEntity, { ...props, icon: ICON, label, url: data.editUrl || null }),
    );
  };

  addStyle();
  draftail.registerPlugin({ type: TYPE, source: CitationSource, decorator: Citation }, 'entityTypes');
})();
