<#import "template.ftl" as layout>
<#-- EventoNight (ADR 0033): the base page's two sentences as two buttons a person can tap. -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("pageExpiredTitle")}
    <#elseif section = "form">
        <div class="en-choices">
            <p id="instruction1" class="instruction">${msg("pageExpiredMsg1")}</p>
            <a id="loginRestartLink" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${url.loginRestartFlowUrl}">${msg("eventonightRestart")}</a>
            <p class="instruction">${msg("pageExpiredMsg2")}</p>
            <a id="loginContinueLink" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}" href="${url.loginAction}">${msg("eventonightContinue")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
