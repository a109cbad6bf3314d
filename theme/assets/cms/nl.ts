// Decap CMS in Dutch, for the admin page (admin/nl.js, loaded right after decap-cms.js, on the
// web and under kennisbank serve). Decap's own Dutch locale lacks a fifth of its phrases, which
// then show in English, and says "u" where the site says "je": this file registers a complete
// Dutch locale in its place, gives the image component of the text editor Dutch labels, and
// translates the few texts Decap writes in English without a locale (two error messages, and the
// defaults of the select boxes it uses). The build bundles it with esbuild (generator/cms).

export {};

interface EditorComponent {
  id: string;
  label: string;
  fields?: unknown;
}

interface DecapCMS {
  registerLocale(name: string, phrases: Phrases): void;
  getEditorComponents(): { get(id: string): EditorComponent | undefined };
  registerEditorComponent(component: EditorComponent): void;
}

interface Phrases {
  [key: string]: string | Phrases;
}

// The phrases, key for key as Decap 3.16's English locale has them. %{name} is filled in by
// Decap; "a |||| b" is singular and plural.
export const phrases: Phrases = {
  auth: {
    login: "Inloggen",
    loggingIn: "Bezig met inloggen…",
    loginWithNetlifyIdentity: "Inloggen met Netlify Identity",
    loginWithAzure: "Inloggen met Azure",
    loginWithBitbucket: "Inloggen met Bitbucket",
    loginWithGitHub: "Inloggen met GitHub",
    loginWithGitLab: "Inloggen met GitLab",
    loginWithGitea: "Inloggen met Gitea",
    loginWithForgejo: "Inloggen met Forgejo",
    errors: {
      email: "Vul je e-mailadres in.",
      password: "Vul je wachtwoord in.",
      identitySettings:
        "De instellingen voor inloggen zijn niet te lezen. Vraag de beheerder van de site om Identity en Git Gateway aan te zetten.",
    },
  },
  app: {
    header: { content: "Inhoud", workflow: "Werkstroom", media: "Bestanden", quickAdd: "Snel toevoegen" },
    app: {
      errorHeader: "De instellingen van het CMS zijn niet te laden",
      configErrors: "Fouten in de instellingen",
      checkConfigYml: "Vraag de beheerder van de site om config.yml na te kijken.",
      loadingConfig: "Instellingen laden…",
      waitingBackend: "Wachten op de server…",
    },
    notFoundPage: { header: "Niet gevonden" },
  },
  collection: {
    sidebar: { collections: "Soorten inhoud", allCollections: "Alle soorten inhoud", searchAll: "Zoek in alles", searchIn: "Zoek in" },
    collectionTop: {
      sortBy: "Sorteer op",
      viewAs: "Toon als",
      viewAsList: "Toon als lijst",
      viewAsGrid: "Toon als tegels",
      newButton: "＋ %{collectionLabel}",
      newButtonAriaLabel: "Maak een nieuw item: %{collectionLabel}",
      ascending: "Oplopend",
      descending: "Aflopend",
      searchResults: "Zoekresultaten voor “%{searchTerm}”",
      searchResultsInCollection: "Zoekresultaten voor “%{searchTerm}” in %{collection}",
      filterBy: "Filter op",
      groupBy: "Groepeer op",
    },
    entries: {
      loadingEntries: "Items laden…",
      cachingEntries: "Items klaarzetten…",
      longerLoading: "Dit kan een paar minuten duren",
      noEntries: "Nog geen items",
      unpublishedHeader: "Niet gepubliceerde items",
    },
    groups: { other: "Overig", negateLabel: "Geen %{label}" },
    defaultFields: { author: { label: "Auteur" }, updatedOn: { label: "Gewijzigd op" } },
  },
  editor: {
    // widgetLabel names the kind of field in Decap's own words (string, relation): left out.
    editorControl: { field: { optional: "niet verplicht", widgetLabel: "invoerveld" } },
    editorControlPane: {
      widget: {
        required: "%{fieldLabel} moet je invullen.",
        regexPattern: "%{fieldLabel} heeft niet de vorm %{pattern}.",
        processing: "%{fieldLabel} wordt verwerkt.",
        range: "%{fieldLabel} moet tussen %{minValue} en %{maxValue} liggen.",
        min: "%{fieldLabel} moet minstens %{minValue} zijn.",
        max: "%{fieldLabel} mag hoogstens %{maxValue} zijn.",
        rangeCount: "%{fieldLabel} moet tussen %{minCount} en %{maxCount} onderdelen hebben.",
        rangeCountExact: "%{fieldLabel} moet precies %{count} onderdelen hebben.",
        rangeMin: "%{fieldLabel} moet minstens %{minCount} onderdelen hebben.",
        rangeMax: "%{fieldLabel} mag hoogstens %{maxCount} onderdelen hebben.",
        invalidPath: "“%{path}” is geen geldig pad",
        pathExists: "Het pad “%{path}” bestaat al",
      },
      i18n: {
        writingInLocale: "Je schrijft in het %{locale}",
        copyFromLocale: "Neem over uit een andere taal",
        copyFromLocaleConfirm: "Wil je de tekst uit het %{locale} overnemen?\nAlles wat er nu staat, wordt dan vervangen.",
      },
    },
    editor: {
      onLeavePage: "Weet je zeker dat je deze pagina wilt verlaten?",
      onUpdatingWithUnsavedChanges: "Je hebt wijzigingen die nog niet zijn opgeslagen. Sla ze eerst op, en verander dan de status.",
      onPublishingNotReady: "Zet de status eerst op “Klaar”, en publiceer dan.",
      onPublishingWithUnsavedChanges: "Je hebt wijzigingen die nog niet zijn opgeslagen. Sla ze eerst op, en publiceer dan.",
      onPublishing: "Weet je zeker dat je dit item wilt publiceren?",
      onUnpublishing: "Weet je zeker dat je dit item van de site wilt halen?",
      onDeleteWithUnsavedChanges:
        "Weet je zeker dat je dit gepubliceerde item wilt verwijderen, en ook de wijzigingen die je nog niet hebt opgeslagen?",
      onDeletePublishedEntry: "Weet je zeker dat je dit gepubliceerde item wilt verwijderen?",
      onDeleteUnpublishedChangesWithUnsavedChanges:
        "Hiermee verwijder je alle wijzigingen in dit item die nog niet gepubliceerd zijn, en ook wat je nog niet hebt opgeslagen. Wil je ze toch verwijderen?",
      onDeleteUnpublishedChanges: "Alle wijzigingen in dit item die nog niet gepubliceerd zijn, worden verwijderd. Wil je ze toch verwijderen?",
      loadingEntry: "Item laden…",
      confirmLoadBackup: "Er is een kopie van dit item bewaard in je browser. Wil je die gebruiken?",
    },
    editorInterface: {
      toggleI18n: "Toon andere talen",
      togglePreview: "Toon voorbeeld",
      toggleScrollSync: "Scrol samen",
      toggleNotes: "Toon notities",
    },
    editorNotesPane: {
      title: "Notities",
      emptyState: "Nog geen notities. Schrijf hieronder de eerste, om samen te werken.",
      addNote: "Notitie toevoegen",
      addPlaceholder: "Schrijf een notitie…",
      editPlaceholder: "Pas je notitie aan…",
      save: "Opslaan",
      cancel: "Annuleren",
      edit: "Bewerken",
      delete: "Verwijderen",
      resolve: "Afhandelen",
      unresolve: "Weer openen",
      confirmDelete: "Weet je zeker dat je deze notitie wilt verwijderen?",
      shortcut: "Tip: met Ctrl+Enter voeg je snel een notitie toe",
    },
    editorToolbar: {
      publishing: "Publiceren…",
      publish: "Publiceer",
      published: "Gepubliceerd",
      unpublish: "Haal van de site",
      duplicate: "Dupliceer",
      unpublishing: "Van de site halen…",
      publishAndCreateNew: "Publiceer en maak een nieuw item",
      publishAndDuplicate: "Publiceer en dupliceer",
      deleteUnpublishedChanges: "Verwijder niet gepubliceerde wijzigingen",
      deleteUnpublishedEntry: "Verwijder niet gepubliceerd item",
      deletePublishedEntry: "Verwijder gepubliceerd item",
      deleteEntry: "Verwijder item",
      saving: "Opslaan…",
      save: "Opslaan",
      statusInfoTooltipDraft: "Dit item is een concept. Is het af? Zet de status dan op “Ter beoordeling”.",
      statusInfoTooltipInReview: "Dit item wordt beoordeeld. Je hoeft niets te doen, maar je kunt het nog wel aanpassen.",
      deleting: "Verwijderen…",
      updating: "Bijwerken…",
      status: "Status: %{status}",
      backCollection: " Terug naar %{collectionLabel}",
      unsavedChanges: "Niet opgeslagen wijzigingen",
      changesSaved: "Wijzigingen opgeslagen",
      draft: "Concept",
      inReview: "Ter beoordeling",
      ready: "Klaar",
      publishNow: "Publiceer nu",
      deployPreviewPendingButtonLabel: "Kijk of het voorbeeld klaar is",
      deployPreviewButtonLabel: "Bekijk voorbeeld",
      deployButtonLabel: "Bekijk op de site",
    },
    editorWidgets: {
      markdown: {
        bold: "Vet",
        italic: "Cursief",
        strikethrough: "Doorhalen",
        code: "Code",
        link: "Link",
        linkPrompt: "Typ het adres van de link",
        headings: "Kopjes",
        quote: "Citaat",
        bulletedList: "Lijst met opsommingstekens",
        numberedList: "Genummerde lijst",
        addComponent: "Voeg component toe",
        richText: "Opgemaakte tekst",
        markdown: "Markdown",
        toggleMode: { rich: "Toon als opgemaakte tekst", markdown: "Toon als Markdown" },
      },
      image: {
        choose: "Kies een afbeelding",
        chooseMultiple: "Kies afbeeldingen",
        chooseUrl: "Voeg toe met een adres",
        replaceUrl: "Vervang door een adres",
        promptUrl: "Typ het adres van de afbeelding",
        chooseDifferent: "Kies een andere afbeelding",
        addMore: "Voeg meer afbeeldingen toe",
        remove: "Verwijder afbeelding",
        removeAll: "Verwijder alle afbeeldingen",
      },
      file: {
        choose: "Kies een bestand",
        chooseUrl: "Voeg toe met een adres",
        chooseMultiple: "Kies bestanden",
        replaceUrl: "Vervang door een adres",
        promptUrl: "Typ het adres van het bestand",
        chooseDifferent: "Kies een ander bestand",
        addMore: "Voeg meer bestanden toe",
        remove: "Verwijder bestand",
        removeAll: "Verwijder alle bestanden",
      },
      unknownControl: { noControl: "Dit veld (%{widget}) kan het CMS niet tonen." },
      unknownPreview: { noPreview: "Dit veld (%{widget}) heeft geen voorbeeld." },
      headingOptions: {
        headingOne: "Kop 1",
        headingTwo: "Kop 2",
        headingThree: "Kop 3",
        headingFour: "Kop 4",
        headingFive: "Kop 5",
        headingSix: "Kop 6",
      },
      // setToNow gets the field's key (start), not its label: left out.
      datetime: { now: "Nu", clear: "Wissen", setToNow: "Vul de tijd van nu in" },
      list: { add: "Voeg %{item} toe", addType: "Voeg %{item} toe" },
      object: { expand: "Openklappen", collapse: "Dichtklappen" },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      draft: "Concept",
      copy: "Kopieer",
      copyUrl: "Kopieer adres",
      copyPath: "Kopieer pad",
      copyName: "Kopieer naam",
      copied: "Gekopieerd",
    },
    mediaLibrary: {
      onDelete: "Weet je zeker dat je de gekozen bestanden wilt verwijderen?",
      fileTooLarge: "Het bestand is te groot.\nBestanden mogen niet groter zijn dan %{size} kB.",
    },
    mediaLibraryModal: {
      loading: "Laden…",
      close: "Sluiten",
      noResults: "Niets gevonden.",
      noAssetsFound: "Nog geen bestanden.",
      noImagesFound: "Nog geen afbeeldingen.",
      private: "Privé ",
      images: "Afbeeldingen",
      mediaAssets: "Bestanden",
      search: "Zoeken…",
      uploading: "Uploaden…",
      upload: "Nieuwe uploaden",
      download: "Downloaden",
      deleting: "Verwijderen…",
      deleteSelected: "Verwijder gekozen bestand",
      chooseSelected: "Gebruik selectie",
    },
  },
  ui: {
    default: { goBackToSite: "Terug naar de site" },
    errorBoundary: {
      title: "Fout",
      details: "Er ging iets mis. ",
      reportIt: "Meld het op GitHub.",
      detailsHeading: "Details",
      privacyWarning:
        "Een melding bevat meteen de foutmelding en gegevens om de fout te vinden.\nKijk of alles klopt, en haal gevoelige gegevens eruit.",
      recoveredEntry: {
        heading: "Teruggehaalde tekst",
        warning: "Kopieer deze tekst en bewaar hem ergens, voordat je verder gaat.",
        copyButtonLabel: "Kopieer naar het klembord",
      },
    },
    settingsDropdown: { logOut: "Uitloggen", account: "Menu van je account" },
    toast: {
      onFailToLoadEntries: "Het item is niet geladen: %{details}",
      onFailToLoadDeployPreview: "Het voorbeeld is niet geladen: %{details}",
      onFailToPersist: "Het item is niet opgeslagen: %{details}",
      onFailToDelete: "Het item is niet verwijderd: %{details}",
      onFailToUpdateStatus: "De status is niet veranderd: %{details}",
      missingRequiredField: "Je hebt een verplicht veld nog niet ingevuld. Vul het in en sla dan op.",
      entrySaved: "Item opgeslagen",
      entryPublished: "Item gepubliceerd",
      entryUnpublished: "Item van de site gehaald",
      onFailToPublishEntry: "Het item is niet gepubliceerd: %{details}",
      onFailToUnpublishEntry: "Het item is niet van de site gehaald: %{details}",
      entryUpdated: "Status van het item veranderd",
      onDeleteUnpublishedChanges: "Niet gepubliceerde wijzigingen verwijderd",
      noteAdded: "Notitie toegevoegd",
      onFailToAddNote: "De notitie is niet toegevoegd: %{details}",
      noteUpdated: "Notitie aangepast",
      onFailToUpdateNote: "De notitie is niet aangepast: %{details}",
      noteDeleted: "Notitie verwijderd",
      onFailToDeleteNote: "De notitie is niet verwijderd: %{details}",
      noteResolved: "Notitie afgehandeld",
      noteReopened: "Notitie weer geopend",
      onFailToToggleNote: "De notitie is niet veranderd: %{details}",
      onFailToAuth: "%{details}",
      onLoggedOut: "Je bent uitgelogd. Bewaar wat je hebt geschreven ergens anders, en log opnieuw in.",
      onBackendDown: "De server van de site heeft een storing. Kijk op %{details} voor meer informatie.",
    },
  },
  workflow: {
    workflow: {
      loading: "Items van de werkstroom laden",
      workflowHeading: "Werkstroom van de redactie",
      newPost: "Nieuw item",
      description:
        "%{smart_count} item wacht op beoordeling, %{readyCount} klaar om te publiceren. |||| %{smart_count} items wachten op beoordeling, %{readyCount} klaar om te publiceren. ",
      dateFormat: "D MMMM",
    },
    workflowCard: {
      lastChange: "%{date} door %{author}",
      lastChangeNoAuthor: "%{date}",
      lastChangeNoDate: "door %{author}",
      deleteChanges: "Verwijder wijzigingen",
      deleteNewEntry: "Verwijder nieuw item",
      publishChanges: "Publiceer wijzigingen",
      publishNewEntry: "Publiceer nieuw item",
    },
    workflowList: {
      onDeleteEntry: "Weet je zeker dat je dit item wilt verwijderen?",
      onPublishingNotReadyEntry: "Je kunt alleen items met de status “Klaar” publiceren. Sleep de kaart naar de kolom “Klaar”.",
      onPublishEntry: "Weet je zeker dat je dit item wilt publiceren?",
      draftHeader: "Concepten",
      inReviewHeader: "Ter beoordeling",
      readyHeader: "Klaar",
      currentEntries: "%{smart_count} item |||| %{smart_count} items",
    },
  },
};

// english are what Decap writes in English without a locale, with their Dutch: two error
// messages (whose detail, the server's answer, is kept), a question before replacing a file, the
// close button of its messages, and the texts of the select boxes, which are react-select's and
// which Decap does not change: what they show, and what they tell screen readers (several of
// these in one text).
type Dutch = string | ((match: string, ...groups: string[]) => string);
export const english: [RegExp, Dutch][] = [
  [/^Failed to persist media: (?:API)?(?:Error: )?/, "Het bestand is niet opgeslagen: "],
  [/^Failed to delete media: (?:API)?(?:Error: )?/, "Het bestand is niet verwijderd: "],
  [/^([\s\S]*) already exists\. Do you want to replace it\?$/, "$1 bestaat al. Wil je het vervangen?"],
  [/^close$/, "sluiten"],
  [/^Select\.\.\.$/, "Kies…"],
  [/^No options$/, "Geen keuzes"],
  [/^Loading\.\.\.$/, "Laden…"],
  [/^Remove ([\s\S]*)$/, "Verwijder $1"],
  [/^Open link in a new tab$/, "Open de link in een nieuw tabblad"],
  [/^notification timer$/, "tijd van de melding"],
  [
    /Use Up and Down to choose options, press Enter to select the currently focused option, press Escape to exit the menu(, press Tab to select the option and exit the menu)?\./g,
    (_, tab: string) => `Kies met pijl omhoog en omlaag, neem de keuze met Enter, sluit de lijst met Escape${tab ? ", of neem de keuze en sluit de lijst met Tab" : ""}.`,
  ],
  [
    /(\S+) is focused (,type to refine list)?, press Down to open the menu, ( press left to focus selected values)?/g,
    (_, name: string, search: string, values: string) =>
      `${name === "Select" ? "Keuzelijst" : name}${search ? "; typ om te zoeken" : ""}; open de lijst met pijl omlaag${values ? "; ga met pijl links naar wat je al koos" : ""}. `,
  ],
  [/Use left and right to toggle between focused values, press Backspace to remove the currently focused value/g, "Ga met pijl links en rechts langs wat je koos, haal een keuze weg met Backspace"],
  [/option (.*?), deselected\./g, "$1 weggehaald."],
  [/All selected options have been cleared\./g, "Alle keuzes zijn weggehaald."],
  [/options? (.*?), selected\./g, "$1 gekozen."],
  [/option (.*?) is disabled\. Select another option\./g, "$1 kan niet. Kies iets anders."],
  [/value (.*?) focused, (\d+) of (\d+)\./g, "$1, $2 van $3."],
  [/(\d+) results? available/g, (_, n: string) => (n === "1" ? "1 keuze" : `${n} keuzes`)],
  [/ for search term (.*?)\./g, " bij de zoekterm $1."],
];

// dutch returns text in Dutch when it holds English that Decap writes, or "" when it does not.
export function dutch(text: string): string {
  let nl = text;
  for (const [pattern, replacement] of english) {
    nl = typeof replacement === "string" ? nl.replace(pattern, replacement) : nl.replace(pattern, replacement);
  }
  return nl === text ? "" : nl;
}

// translate puts the English texts below node in Dutch: text nodes, aria-label, title and
// placeholder attributes.
function translate(node: Node): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const nl = dutch(node.nodeValue ?? "");
    if (nl !== "") node.nodeValue = nl;
    return;
  }
  if (!(node instanceof Element)) return;
  for (const el of [node, ...node.querySelectorAll("[aria-label], [title], [placeholder]")]) {
    for (const name of ["aria-label", "title", "placeholder"]) {
      const nl = dutch(el.getAttribute(name) ?? "");
      if (nl !== "") el.setAttribute(name, nl);
    }
  }
  const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let t = texts.nextNode(); t !== null; t = texts.nextNode()) translate(t);
}

function watch(): void {
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "characterData" || change.type === "attributes") translate(change.target);
      change.addedNodes.forEach(translate);
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["aria-label", "title", "placeholder"],
  });
}

const cms = (window as unknown as { CMS?: DecapCMS }).CMS;
if (cms !== undefined) {
  cms.registerLocale("nl", phrases);
  // The image component of the text editor: Decap's own, with Dutch labels.
  const image = cms.getEditorComponents().get("image");
  if (image !== undefined) {
    cms.registerEditorComponent({
      ...image,
      label: "Afbeelding",
      fields: [
        { label: "Afbeelding", name: "image", widget: "image", media_library: { allow_multiple: false } },
        { label: "Alternatieve tekst", name: "alt", hint: "Wat er op de afbeelding te zien is, voor wie hem niet ziet." },
        { label: "Titel", name: "title" },
      ],
    });
  }
  watch();
  // Decap asks some questions in the browser's own dialog, one of them in English.
  const confirm = window.confirm.bind(window);
  window.confirm = (message?: string) => confirm(dutch(message ?? "") || message);
}
