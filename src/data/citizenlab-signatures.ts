/*
 * Block-page (HTTP) and block-answer (DNS) signatures from Citizen Lab's filtering-annotations
 * (github.com/citizenlab/filtering-annotations @ fad90899c4632403ea1699e4d36e5ec03a75c9c8, data/v1/http.csv
 * and dns.csv), converted to data; "injb" (benign injections such as router update notices) left out.
 * HTTP patterns are plain substrings of the body or of a header value; DNS responses are exact answers.
 *
 * Copyright (c) 2020, Citizen Lab
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.
 *
 * 2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the following disclaimer in the documentation and/or other materials provided with the distribution.
 *
 * 3. Neither the name of the copyright holder nor the names of its contributors may be used to endorse or promote products derived from this software without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

export interface CitizenLabHttpSignature {
  name: string;
  pattern: string;
  location: 'body' | 'header';
  scope: string;
  countries: string[];
}

export interface CitizenLabDnsSignature {
  name: string;
  response: string;
  scope: string;
  countries: string[];
}

export const CITIZENLAB_HTTP: readonly CitizenLabHttpSignature[] = [
{
"name": "inst_corp_etisalat",
"pattern": "it-security-operations@etisalat.ae",
"location": "body",
"scope": "inst",
"countries": [
"AE"
]
},
{
"name": "inst_corp_prometey_datacenter_blockpage",
"pattern": "zapret-info.prometey.me",
"location": "body",
"scope": "inst",
"countries": [
"RU"
]
},
{
"name": "inst_edu_id_telkomuniversity_block",
"pattern": "<title>Internet Sehat Telkom University</title>",
"location": "body",
"scope": "inst",
"countries": [
"ID"
]
},
{
"name": "inst_edu_id_telkomuniversity_forward",
"pattern": "internet-sehat.telkomuniversity.ac.id",
"location": "header",
"scope": "inst",
"countries": [
"ID"
]
},
{
"name": "inst_edu_jeffco",
"pattern": "Jeffco Schools Internet Filtering Page",
"location": "body",
"scope": "inst",
"countries": [
"US"
]
},
{
"name": "inst_edu_mn_public",
"pattern": "https://staff.mpls.k12.mn.us/Depts/its/Pages/Block-Unblock-Requests.aspx",
"location": "body",
"scope": "inst",
"countries": [
"US"
]
},
{
"name": "inst_edu_my_uitm_captiveportal_forward",
"pattern": "https://wifi.uitm.edu.my",
"location": "header",
"scope": "inst",
"countries": [
"MY"
]
},
{
"name": "inst_edu_my_uitm_captiveportal_login",
"pattern": "https://wifi.uitm.edu.my",
"location": "body",
"scope": "inst",
"countries": [
"MY"
]
},
{
"name": "inst_edu_runnet_blockpage",
"pattern": "Dear user! Access to requested resource has been blocked by decision of public authorities of Russian Federation.",
"location": "header",
"scope": "inst",
"countries": [
"RU"
]
},
{
"name": "inst_edu_runnet_forward",
"pattern": "block.runnet.ru",
"location": "header",
"scope": "inst",
"countries": [
"RU"
]
},
{
"name": "inst_edu_sa_kacst_blockpage",
"pattern": "://blocking-web-server.isu.net.sa/",
"location": "body",
"scope": "inst",
"countries": [
"SA"
]
},
{
"name": "inst_edu_taunton",
"pattern": "Taunton School allow access to the following search engines",
"location": "body",
"scope": "inst",
"countries": [
"GB"
]
},
{
"name": "isp_ae_du_surfsafely_block_1",
"pattern": "lighthouse.du.ae",
"location": "body",
"scope": "isp",
"countries": [
"AE"
]
},
{
"name": "isp_ae_du_surfsafely_block_2",
"pattern": "UA-102574946-1",
"location": "body",
"scope": "isp",
"countries": [
"AE"
]
},
{
"name": "isp_ae_du_surfsafely_forward_1",
"pattern": "index2.php?ucat=",
"location": "header",
"scope": "isp",
"countries": [
"AE"
]
},
{
"name": "isp_ae_du_surfsafely_forward_2",
"pattern": "lighthouse.du.ae",
"location": "header",
"scope": "isp",
"countries": [
"AE"
]
},
{
"name": "isp_ae_etisalat_block",
"pattern": "iframe src=\"http://proxy.etisalat.ae/",
"location": "body",
"scope": "isp",
"countries": [
"AE"
]
},
{
"name": "isp_au_telstra_block",
"pattern": "Access to this website has been disabled by an order of the Federal Court of Australia because it infringes or facilitates the infringement of copyright",
"location": "body",
"scope": "isp",
"countries": [
"AU"
]
},
{
"name": "isp_au_tpg_block",
"pattern": "You have attempted to obtain access to a particular website.  This page notifies you that access to that website has been disabled because the Federal Court of Australia has determined that the website infringes, or facilitates the infringement of, copyright.",
"location": "body",
"scope": "isp",
"countries": [
"AU"
]
},
{
"name": "isp_bh_batelco_block_forward",
"pattern": "www.anonymous.com.bh",
"location": "body",
"scope": "isp",
"countries": [
"BH"
]
},
{
"name": "isp_bh_mena_telecom_block_forward",
"pattern": "menatelecom.com/deny_page.html",
"location": "body",
"scope": "isp",
"countries": [
"BH"
]
},
{
"name": "isp_bh_viva_block_forward",
"pattern": "www.viva.com.bh/static/block",
"location": "body",
"scope": "isp",
"countries": [
"BH"
]
},
{
"name": "isp_by_a1_block",
"pattern": "://www.velcom.by/mininfo/css/main.css",
"location": "body",
"scope": "isp",
"countries": [
"BY"
]
},
{
"name": "isp_by_a1_forward",
"pattern": "://www.a1.by/mininfo/",
"location": "header",
"scope": "isp",
"countries": [
"BY"
]
},
{
"name": "isp_by_beltelecom_block",
"pattern": "О средствах массовой информации\"</div>",
"location": "body",
"scope": "isp",
"countries": [
"BY"
]
},
{
"name": "isp_by_beltelecom_forward",
"pattern": "82.209.230.23",
"location": "header",
"scope": "isp",
"countries": [
"BY"
]
},
{
"name": "isp_by_mts_block",
"pattern": "https://help.mts.by/hc/ru/requests/new",
"location": "body",
"scope": "isp",
"countries": [
"BY"
]
},
{
"name": "isp_by_mts_forward",
"pattern": "internet.mts.by/blocked/",
"location": "header",
"scope": "isp",
"countries": [
"BY"
]
},
{
"name": "isp_ca_rogers_tva_telus_block",
"pattern": "Access to the location you have attempted to reach has been disabled pursuant to an Order&nbsp;of the Federal Court (Canada)",
"location": "body",
"scope": "isp",
"countries": [
"CA"
]
},
{
"name": "isp_ca_shaw_block",
"pattern": "Access to this site has been blocked by an Order issued by the Federal Court of Canada",
"location": "body",
"scope": "isp",
"countries": [
"CA"
]
},
{
"name": "isp_ca_teksavvy_block",
"pattern": "TekSavvy has been forced to block the site you are trying to reach",
"location": "body",
"scope": "isp",
"countries": [
"CA"
]
},
{
"name": "isp_de_vodafone_optin_block",
"pattern": "The Website you try to access is only recommended for persons over the age of 18.",
"location": "body",
"scope": "isp",
"countries": [
"DE"
]
},
{
"name": "isp_de_vodafone_optin_forward",
"pattern": "hotspot.vodafone.de/access_denied.html",
"location": "header",
"scope": "isp",
"countries": [
"DE"
]
},
{
"name": "isp_gb_bt_optin_block",
"pattern": "blockpage.bt.com/pcstaticpage/internet-matters.png",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_bt_optin_forward",
"pattern": "blockpage.bt.com",
"location": "header",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_ee_optinporn_block",
"pattern": "www.internetmatters.org/ee",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_ee_optinporn_forward",
"pattern": "myaccount.ee.co.uk/anonymous-content-lock",
"location": "header",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_giffgaff_optinporn_block",
"pattern": "UA-10328417-1",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_giffgaff_optinporn_forward",
"pattern": "www.giffgaff.com/mobile/over18",
"location": "header",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_o2_18plusoptin_block",
"pattern": "You need to be over 18 for this website [O2",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_o2_18plusoptin_forward",
"pattern": "assets.o2.co.uk/18plusaccess",
"location": "header",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_pobroadband_virusguard_forward",
"pattern": "http://account.pobroadband.co.uk/SelfCare.UI/SafeGuard/VirusGuard?accessurl=",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_skybroadband_optinporn_block",
"pattern": "http://broadbandshield.sky.com",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_skybroadband_optinporn_forward",
"pattern": "block.cf.sky.com",
"location": "header",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_talktalk_optinporn_block",
"pattern": "www.talktalk.co.uk/notices/parental-controls.html?originalURL=",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_talktalk_virusalert_forward",
"pattern": "http://www.talktalk.co.uk/notices/virus-alerts.html?accessurl=",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_three_optinporn_block",
"pattern": "ThreeWeb_C|-->Your adult content filter is on",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_three_optinporn_forward",
"pattern": "three.co.uk/mobilebroadband_restricted",
"location": "header",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_vodafone_optinporn_block",
"pattern": "<strong>Age-restricted content bar</strong>",
"location": "body",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_gb_vodafone_optinporn_forward",
"pattern": "vodafone.co.uk/restricted-content",
"location": "header",
"scope": "isp",
"countries": [
"GB"
]
},
{
"name": "isp_id_argon_block",
"pattern": "argon_files/stop.jpg",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_biznet_block",
"pattern": "www.biznetnetworks.com/safesurf/",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_bolt_sehat_blockpage",
"pattern": "UA-4293319-7",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_cbn_sehat_blockpage",
"pattern": "please contact our Customer Care at 1500 780 or email us at",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_citranet_sehat_block",
"pattern": "filter.citra.net.id",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_citranet_sehat_block_2017",
"pattern": "UA-18076037-2",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_citranet_sehat_forward",
"pattern": "filter.citra.net.id",
"location": "header",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_crypto_negatifkonten_blockpage",
"pattern": "http://crypto.net.id/images/crypto_emblem.png",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_fastnet_sehat_blockpage_1",
"pattern": "internetsehatdanamanfastnet.html",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_fastnet_sehat_blockpage_2",
"pattern": "var pname='internet-sehat';",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_gmedia_xblock_blockpage",
"pattern": "xblock.gmedia.net.id",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_indosatooredo_block_1",
"pattern": "<title>Indosatooredoo Netsafe</title>",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_indosatooredo_block_2",
"pattern": "<title>Netsafe IndosatM2</title>",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_indosatooredo_block_js_variant",
"pattern": "http://netsafe.indosatooredoo.com",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_indosatooredo_forward1",
"pattern": "114.6.128.7",
"location": "header",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_indosatooredo_forward2",
"pattern": "netsafe.indosatooredoo.com",
"location": "header",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_jlm_negatifkonten_blockpage",
"pattern": "<title>Negatif Konten</title>",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_lintasarta_block",
"pattern": "<title>IdOLA Lintasarta</title>",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_mncplay_sehat_blockpage",
"pattern": "internetpositif.mncplaymedia.com",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_myrepublic_block",
"pattern": "https://myrepublic.co.id/internet-sehat/",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_myrepublic_forward",
"pattern": "block.myrepublic.co.id",
"location": "header",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_starnet_sehat_blockpage",
"pattern": "<a href=http://megavision.net.id>StarNet Project</a></strong> - DNS Filter Project.",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_telkomsel_block_baik_1",
"pattern": "internetbaik.telkomsel.com/",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_telkomsel_block_baik_2",
"pattern": "telkomsel|internet sehat|baik|internet baik",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_telkomsel_forward",
"pattern": "internetbaik.telkomsel.com/block?",
"location": "header",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_tri_block",
"pattern": "restricted.tri.co.id/",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_tri_forward",
"pattern": "restricted.tri.co.id",
"location": "header",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_velo_block",
"pattern": "VELO Networks :: Internet Sehat dan Aman",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_xl_block",
"pattern": "www.xl.co.id/xlblockpage",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_xl_block_2",
"pattern": "blockpage.xl.co.id",
"location": "body",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_id_xl_forward",
"pattern": "blockpage.xl.co.id",
"location": "header",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "isp_ie_three_optinporn_block",
"pattern": "To turn this off, you must verify your age - click below to log in to My3",
"location": "body",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "isp_ie_three_optinporn_forward",
"pattern": "m.three.ie/adult-content",
"location": "header",
"scope": "isp",
"countries": [
"IE"
]
},
{
"name": "isp_in_airtel_block_forward",
"pattern": "http://www.airtel.in/dot/?dpid=",
"location": "body",
"scope": "isp",
"countries": [
"IN"
]
},
{
"name": "isp_kr_lg_cleanweb_optin_forward",
"pattern": "http://cleanweb1.uplus.co.kr/kren",
"location": "header",
"scope": "isp",
"countries": [
"KR"
]
},
{
"name": "isp_kr_sktelecom_youthhazard_optin_block",
"pattern": "<title>청소년 유해차단서비스</title>",
"location": "body",
"scope": "isp",
"countries": [
"KR"
]
},
{
"name": "isp_kr_sktelecom_youthhazard_optin_forward_1",
"pattern": "cleanmobile01.nate.com",
"location": "body",
"scope": "isp",
"countries": [
"KR"
]
},
{
"name": "isp_kr_sktelecom_youthhazard_optin_forward_2",
"pattern": "cleanmobile02.nate.com",
"location": "body",
"scope": "isp",
"countries": [
"KR"
]
},
{
"name": "isp_kw_fasttelco_block_forward",
"pattern": "blocked.fasttelco.net/?dpid=",
"location": "body",
"scope": "isp",
"countries": [
"KW"
]
},
{
"name": "isp_kw_viva_block_forward",
"pattern": "http://pay.viva.com.kw/images/access-en.jpg",
"location": "body",
"scope": "isp",
"countries": [
"KW"
]
},
{
"name": "isp_kw_zain_block_forward",
"pattern": "http://restrict.kw.zain.com",
"location": "body",
"scope": "isp",
"countries": [
"KW"
]
},
{
"name": "isp_mm_myanmarnet_block_forward",
"pattern": "notice.myanmarnet.com",
"location": "header",
"scope": "isp",
"countries": [
"MM"
]
},
{
"name": "isp_mm_myanmarnet_block_page",
"pattern": "<li><a href=\"whatever.html\" class=\"menupics\"><img src=\"legaltext.png\" alt=\"descriptivetext\" /></a></li>",
"location": "body",
"scope": "isp",
"countries": [
"MM"
]
},
{
"name": "isp_np_worldlink_block",
"pattern": "nta.gov.np/en/notice-regarding-site-block",
"location": "body",
"scope": "isp",
"countries": [
"NP"
]
},
{
"name": "isp_np_worldlink_forward",
"pattern": "blockdomain.worldlink.com.np",
"location": "header",
"scope": "isp",
"countries": [
"NP"
]
},
{
"name": "isp_pk_mobillink_block_forward",
"pattern": "http://119.73.65.87:8080/redirect.html?accessurl=",
"location": "body",
"scope": "isp",
"countries": [
"PK"
]
},
{
"name": "isp_pk_nayatel_block_optin",
"pattern": "As per your subscription of Nayatel Safeweb service, the website you are trying to access is blocked for your viewing",
"location": "body",
"scope": "isp",
"countries": [
"PK"
]
},
{
"name": "isp_ru_2kom_block",
"pattern": "GTM-NBL6CQ",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_2kom_forward",
"pattern": "forbidden.2kom.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_akado_block_1",
"pattern": "https://www.akado.ru/services/itv/?utm_source=blocked-RKN",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_akado_block_2",
"pattern": "UA-2468561-43",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_akado_block_3",
"pattern": ".akado-ural.ru/web/rkn/site_blocked.css",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_akado_forward",
"pattern": "blocked.akado.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_alliancetelecom_block",
"pattern": "PCFET0NUWVBFIGh0bWwgUFVCTElDICItLy9XM0MvL0RURCBYSFRNTCAxLjAgVHJhbnNpdGlvbmFsLy9FTiIgImh0dHA6Ly93d3cudzMub3JnL1RSL3hodG1sMS9EVEQveGh0bWwxLXRyYW5zaXRpb25hbC5kdGQiPgo8IS0tIHNhdmVkIGZyb20gdXJsPSgwMDE1KWh0dHA6Ly96ZXJ4LnJ1LyAtLT4KPGh0bWwgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzE5OTkveGh0bWwiPjxoZWFkPjxtZXRhIGh0dHAtZXF1aXY9IkNvbnRlbnQtVHlwZSIgY29udGVudD0idGV4dC9odG1sOyBjaGFyc2V0PXdpbmRvd3MtMTI1MSIN",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_alliancetelecom_forward",
"pattern": "blocked.inetvl.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_almatel_block",
"pattern": "almatel.ru/ajax/all.php?e=ott_forbidden_reg",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_almatel_forward",
"pattern": "deny.cifra1.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_avantel_block",
"pattern": "helpdesk@avantel.ru",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_avantel_forward",
"pattern": "block.msk.avantel.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_beeline_blackhole_blockpage",
"pattern": "http://www.beeline.ru/customers/help/safe-beeline/",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_beeline_blackhole_forward",
"pattern": "blackhole.beeline.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_cityline_block",
"pattern": "rkn.clkon.net/images/",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_comfortel_forward",
"pattern": "law.filter.comfortel.pro",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_convex_intersat_block",
"pattern": "Уважаемые пользователи ООО &quot;Сухой Лог Интерсат&quot;!",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_convex_intersat_forward",
"pattern": "block.intersat.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_convex_rkn_foward",
"pattern": "http://ban.convex.ru/index.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_crelcom_block",
"pattern": "UA-62111225-1",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_crelcom_forward",
"pattern": "erblock.crimea.com",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_dialog_block",
"pattern": "Ресурс по данному адресу заблокирован :: Тис-диалог",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_dialog_forward",
"pattern": "zapret-info.tis-dialog.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ecotelecom_block",
"pattern": "ДОСТУП К ИНФОРМАЦИОННОМУ<br>РЕСУРСУ ОГРАНИЧЕН",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ecotelecom_forward",
"pattern": "block.ecotelecom.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_elight_block",
"pattern": "https://mc.yandex.ru/watch/43501029",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_elight_forward",
"pattern": "site-blocked.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ertelecom_rkn_blockpage",
"pattern": "UA-42895529-7",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ertelecom_rkn_forward",
"pattern": "http://lawfilter.ertelecom.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_feonet_forward",
"pattern": "erblock.feonet.net",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_formulasvyaz_forward",
"pattern": "109.197.24.2",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_infolink_block",
"pattern": "missing.info-link.ru/",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_infolink_forward",
"pattern": "85.234.0.61",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_intersvas_block",
"pattern": "id=com.intersvyaz.lk&referrer=utm_source%3Dlp_you_shall_not_pass_parking",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_intersvas_forward",
"pattern": "you-shall-not-pass.is74.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_kaspnet_block",
"pattern": "i.imgur.com/KMKuXmA.png",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_kaspnet_forward",
"pattern": "kaspnet.ru/sites/default/files/0.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_kmtn_forward",
"pattern": "block.kmtn.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ktelecom_block",
"pattern": "<p>Техническая поддержка: <a href=\"mailto:support@k-telecom.org",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ktelecom_forward",
"pattern": "block.k-telecom.org",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_lantanet_block",
"pattern": "www.lanta-net.ru/zapret/",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_lantanet_forward",
"pattern": "193.203.61.234",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_linkregion_block",
"pattern": "<title>Federal block</title>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_linkregion_forward",
"pattern": "error.link-region.ru:8099",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_maximatelecom_forward",
"pattern": "81.200.123.101",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_megafon_block",
"pattern": "UA-97554836-1",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_megafon_block_tag",
"pattern": "GTM-WBQ8X7M",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_megafon_block_with_ad",
"pattern": "href=\"rkn\">Отменить</a>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_megafon_forward",
"pattern": "m.megafonpro.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_megamax_rkn_block",
"pattern": "Доступ ограничен  по решению суда или по иным основаниям, установленным законодательством Российской Федерации.",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_megamax_rkn_forward_1",
"pattern": "http://89.185.75.227/451/1f50893f80d6830d62765ffad7721742.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_megamax_rkn_forward_2",
"pattern": "81.163.39.153:8080",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_megion_forward",
"pattern": "megion.biz/block.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mgts_rkn_blockpage_1",
"pattern": "<p><a id=\"toggle\" href=\"\">Узнать причину <img src=\"/img/down_mobile.png\"></a></p>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mgts_rkn_blockpage_2",
"pattern": "UA-12816426-25",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mgts_rkn_forward_1",
"pattern": "blocked.mgts.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mgts_rkn_forward_2",
"pattern": "block.mgts.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mgts_rkn_forward_3",
"pattern": "62.112.121.68",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mgts_rkn_forward_4",
"pattern": "block.kf.mgts.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mipt_block",
"pattern": "МФТИ-Телеком&nbsp;&nbsp;</td>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_miranda_block",
"pattern": "109.200.155.73/info.js",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_miranda_forward",
"pattern": "miranda-media.ru/stop_rkn",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mts_block",
"pattern": "subblock.mts.ru",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_mts_forward",
"pattern": "blocked.mts.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_naukanet_block",
"pattern": "перейти на сайт www.naukanet.ru",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_naukanet_forward",
"pattern": "block.naukanet.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_netbynet_block",
"pattern": "UA-23688716-21",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_netbynet_forward_1",
"pattern": "blocked.netbynet.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_netbynet_forward_2",
"pattern": "blocked.ti.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_nevalink_forward",
"pattern": "89.223.47.135",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_novotelecom_forward",
"pattern": "zapret.2090000.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_obit_block",
"pattern": "id:43845029,",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_obit_forward",
"pattern": "notice.obit.ru/censored",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_orionnet_block",
"pattern": "Орион телеком :: ДОСТУП ЗАПРЕЩЕН",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_orionnet_forward",
"pattern": "block.orionnet.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_pakt_block",
"pattern": "C уважением, П.А.К.Т.",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_pakt_forward",
"pattern": "rkn.pakt.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_planeta_block",
"pattern": "<h1 class=\"HeaderTitle\">Доступ к данному ресурсу закрыт</h1>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_planeta_forward",
"pattern": "blacklist.planeta.tc",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_podryad_block",
"pattern": "<a href=\"http://podryad.tv\" class=\"header__logo header__logo__locked\"></a>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_podryad_forward",
"pattern": "forbidden.podryad.tv",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_postltd_block",
"pattern": "<title>POST Ltd &bull; Доступ ограничен</title>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_postltd_forward",
"pattern": "blockpage.kmv.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_primelink_forward",
"pattern": "95.131.176.27",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_profintel_forward",
"pattern": "stat.profintel.ru/block/blacklist/",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rascom_block",
"pattern": "<hr><center><a href=\"http://www.rascom.ru\">",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rascom_forward",
"pattern": "blocked.as20764.net/blocked.php",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_relline_block",
"pattern": "<a href=\"http://relline.ru/\" style=\"border:0;\" title=\"Главная страница сайта «Реллайн»\">",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_relline_forward",
"pattern": "195.146.65.20/block.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rialink_block",
"pattern": "РИА-линк интернет Брянск / ria-link.ru",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rialink_forward",
"pattern": "91.215.188.193",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rinet_block",
"pattern": "http://rinet.ru/blocked/blocked_bg.png",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rinet_forward",
"pattern": "http://rinet.ru/blocked/index.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rostelcom_block_forward",
"pattern": "http://block.rt.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rostelcom_warning_block_1",
"pattern": "://mc.yandex.ru/watch/38740850",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rostelcom_warning_block_2",
"pattern": "://mc.yandex.ru/watch/25730126",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rostelcom_warning_forward",
"pattern": "http://warning.rt.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rostelecom_blocksystem",
"pattern": "<title>block-system</title>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_rostelecom_ipcenter",
"pattern": "block.ip.center.rt.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_sibset_149_blockpage",
"pattern": "Роскомнадзор напоминает о вступлении в силу с 01 ноября 2012 года изменений в Федеральный закон 149-ФЗ \"Об информации, информационных технологиях и защите информации",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_sibset_149_forward",
"pattern": "http://211.ru/149.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_skynetkazan_forward",
"pattern": "www.skynet-kazan.com/_blocked.htm",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_sochionline_block",
"pattern": "://www.sochi-online.com/node/2",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_sochionline_forward",
"pattern": "denied.sochi-online.com",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_sovatelecom_block",
"pattern": "mailto:support@balttelecom.net",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_sovatelecom_forward",
"pattern": "://sovatelecom.ru/ZAPRET.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_stacktelecom_forward",
"pattern": "zapret.stacktelecom.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_strela_block",
"pattern": "UA-52529175-5",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_svyazenergo_block",
"pattern": "http://www.sv-en.ru/block",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_svyazenergo_forward",
"pattern": "http://sv-en.ru/block.php",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_svyazist_forward",
"pattern": "sv-tel.ru/ban/",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_tcentr_block",
"pattern": "185.36.60.2/icons/logo.png",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_tcentr_forward",
"pattern": "185.36.60.2/blocked.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_tele2_block",
"pattern": "//t2rkn.com/",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_tele2_forward_1",
"pattern": "t2blocked.com",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_tele2_forward_2",
"pattern": "//217.169.82.130/",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_teleseti_block",
"pattern": "yaCounter43509064",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_teleseti_forward",
"pattern": "www.teleseti.com/zapret/zapret-new.php",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_telincom_block",
"pattern": "yaCounter48660917",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_telincom_forward",
"pattern": "cacti.telincom.ru/blocked.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_tinkoff_block",
"pattern": "Тинькофф Мобайл | Страница заблокирована Роскомнадзором",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_tinkoff_forward",
"pattern": "blocked.tinkoff.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_tscrimea_forward",
"pattern": "77.121.14.5",
"location": "header",
"scope": "isp",
"countries": [
"RU",
"UA"
]
},
{
"name": "isp_ru_ttk_block",
"pattern": "TTK :: Доступ к ресурсу ограничен",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ttk_fz139_forward",
"pattern": "http://fz139.ttk.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ucanet_block",
"pattern": "rkn.ucanet.ru",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ufanet_block",
"pattern": "id:41226669,",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ufanet_forward",
"pattern": "ufanet.ru/blocking.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ufanet_forward_ipvariant",
"pattern": "95.213.254.253",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ugmktelecom_block",
"pattern": "ДОСТУП К РЕСУРСУ ЗАБЛОКИРОВАН!",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_ugmktelecom_forward",
"pattern": "blocked.ugmk-telecom.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_virginconnect_forward",
"pattern": "mega.nn.ru/l7.html",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_westcall_block",
"pattern": "PEhUTUwgc3R5bGU9ImZvbnQtZmFtaWx5OiBHZW5ldmEsIEhlbHZldGljYSwgc2Fucy1zZXJpZjsiPgoKCTxIRUFEPgoJCTxUSVRMRT5BY2Nlc3MgUmVzdHJpY3RlZCE8L1RJVExFPgoJCTwhLS0gPHRpdGxlPuTP09TV0CDPx9LBzsnexc48L3RpdGxlPiAtLT4KCQkgICAgICAKCQk8TUVUQSBIVFRQLUVRVUlWPSJDb250ZW50LVR5cGUiIENPTlRFTlQ9InRleHQvaHRtbDsgY2hhcnNldD1rb2k4LXIiPgoJPC9IRUFEPgoJCgk8Qk9EWT4KCQoJICAgIDxESVYgc3R5bGU9ImhlaWdodDoxMDAlOyB3aWR0aDoxMDAlOyBwb3NpdGlvbjpmaXhlZDsgdG9wOjA7IGxlZnQ6MDsgZGlzcGxheTpmbGV4OyBhbGlnbi1pdGVtczpjZW50ZXI7IGp1c3RpZnktY29udGVudDogY2VudGVyOyBvdmVyZmxvdzphdXRvOyI",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_westcall_forward_1",
"pattern": "http://195.94.233.66?UrlRedir=",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_westcall_forward_2",
"pattern": "http://zapret.westcall.net/",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_wiland_forward",
"pattern": "blocked.wiland.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_yaltanet_block",
"pattern": "<title>Yaltanet Ltd</title>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_yaltanet_forward",
"pattern": "block.yaltanet.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_yota_block_1",
"pattern": "<h1 class=\"title title_h1\">Доступ ограничен</h1>",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_yota_block_2",
"pattern": "UA-16019436-1",
"location": "body",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_ru_yota_forward",
"pattern": "forbidden.yota.ru",
"location": "header",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "isp_sd_sudatel_tpra_block_forward",
"pattern": "/webadmin/deny/ptra/blocking.html",
"location": "body",
"scope": "isp",
"countries": [
"SD"
]
},
{
"name": "isp_sg_starhub_block_forward",
"pattern": "starhub.com/mda-blocked",
"location": "body",
"scope": "isp",
"countries": [
"SG"
]
},
{
"name": "isp_sg_starhub_block_mda1",
"pattern": "The site requested is unavailable as it contains prohibited material that is against the public interest. Should you have further enquiries on the matter, please submit them to the e-feedback portal at the Singapore Police",
"location": "body",
"scope": "isp",
"countries": [
"SG"
]
},
{
"name": "isp_sg_starhub_block_mda2",
"pattern": "The website you are trying to access is unavailable as it contains prohibited material.",
"location": "body",
"scope": "isp",
"countries": [
"SG"
]
},
{
"name": "isp_so_so_safe",
"pattern": "SO! Safe Browsing",
"location": "body",
"scope": "isp",
"countries": [
"SO"
]
},
{
"name": "isp_th_cxloxinfo_accessurlblock_forward",
"pattern": "http://103.208.24.21/?accessurl=",
"location": "body",
"scope": "isp",
"countries": [
"TH"
]
},
{
"name": "isp_th_dtac_accessurlblock_forward",
"pattern": "http://124.40.225.20/?accessurl=",
"location": "body",
"scope": "isp",
"countries": [
"TH"
]
},
{
"name": "isp_tr_ttnet_secureinternet_blockpage",
"pattern": "<title>Güvenli İnternet Uyarı</title>",
"location": "body",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "isp_tr_ttnet_secureinternet_forward",
"pattern": "http://bilgi.turktelekom.com.tr/guvenli_internet_uyari",
"location": "header",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "isp_ug_gilat_pornblock",
"pattern": "According to UCC regulation, Pornography pages are restricted for browsing.",
"location": "body",
"scope": "isp",
"countries": [
"UG"
]
},
{
"name": "isp_ye_yemennet_ns_forward_1",
"pattern": "http://82.114.160.94/webadmin/deny/",
"location": "body",
"scope": "isp",
"countries": [
"YE"
]
},
{
"name": "isp_ye_yemennet_ns_forward_2",
"pattern": "http://deny.yemen.net.ye/webadmin/deny",
"location": "body",
"scope": "isp",
"countries": [
"YE"
]
},
{
"name": "nat_id_idnic_block",
"pattern": "di.og.ofnimok@netnoknauda",
"location": "body",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_block_1",
"pattern": "http://block.uzone.id",
"location": "body",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_block_2",
"pattern": ".uzone.id/assets/internetpositif",
"location": "body",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_block_3",
"pattern": "positif.uzone.id",
"location": "body",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_block_4",
"pattern": "UA-16251743-3",
"location": "body",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_block_5",
"pattern": "This page is blocked by <a href=http://trustpositif.kominfo.go.id",
"location": "body",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_block_6",
"pattern": "<title>Mercusuar</title>",
"location": "body",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_forward",
"pattern": "internetpositif.uzone.id",
"location": "header",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_forward_2",
"pattern": "window.location.replace(\"http://internetpositif.uzone.id/",
"location": "body",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_id_trustpositif_forward_3",
"pattern": "mercusuar.uzone.id",
"location": "header",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "nat_ir_block_internetir",
"pattern": "internet.ir/1-2",
"location": "body",
"scope": "nat",
"countries": [
"IR"
]
},
{
"name": "nat_ir_block_peyvandha",
"pattern": "peyvandha.ir/1-2",
"location": "body",
"scope": "nat",
"countries": [
"IR"
]
},
{
"name": "nat_ir_iframe_forward_ipv4",
"pattern": "iframe src=\"http://10.10.",
"location": "body",
"scope": "nat",
"countries": [
"IR"
]
},
{
"name": "nat_ir_iframe_forward_ipv6",
"pattern": "</title></head><body><iframe src=\"http://[d0:0:0:0:0:0:0:11:80]\" style=\"width: 100%; height: 100%\" scrolling=\"no\" marginwidth=\"0\" marginheight=\"0\" frameborder=\"0\" vspace=\"0\" hspace=\"0\"></iframe></body></html>",
"location": "body",
"scope": "nat",
"countries": [
"IR"
]
},
{
"name": "nat_it_adm_block",
"pattern": "Matomo Giochi Illegali ADM",
"location": "body",
"scope": "nat",
"countries": [
"IT"
]
},
{
"name": "nat_it_agcom_block",
"pattern": "<title>AGCOM Stop Page</title>",
"location": "body",
"scope": "nat",
"countries": [
"IT"
]
},
{
"name": "nat_mm_transportcomms_block",
"pattern": "You have tried to access a web page which has been blocked as per directive received from the Ministry of Transport and Communications of Myanmar",
"location": "body",
"scope": "nat",
"countries": [
"MM"
]
},
{
"name": "nat_my_violates",
"pattern": "This website is not available in Malaysia as it violate(s)",
"location": "body",
"scope": "nat",
"countries": [
"MY"
]
},
{
"name": "nat_om_block_blockom_forward",
"pattern": "block.om/newrequestform.aspx?accessurl=",
"location": "body",
"scope": "isp",
"countries": [
"OM"
]
},
{
"name": "nat_om_block_siteblockedom_forward",
"pattern": "http://siteblocked.om/?accessurl=",
"location": "body",
"scope": "isp",
"countries": [
"OM"
]
},
{
"name": "nat_qa_block_forward_accessurl",
"pattern": "censor.qa/?accessurl=",
"location": "body",
"scope": "isp",
"countries": [
"QA"
]
},
{
"name": "nat_qa_block_forward_netsweeper",
"pattern": "censor.qa/?dpid=",
"location": "body",
"scope": "isp",
"countries": [
"QA"
]
},
{
"name": "nat_sa",
"pattern": "لمزيد من المعلومات عن خدمة الإنترنت في المملكة العربية السعودية، يمكنك زيارة الموقع التالي",
"location": "body",
"scope": "nat",
"countries": [
"SA"
]
},
{
"name": "nat_th_deb_blockpage",
"pattern": "Sorry. Access to this website has been disabled because the Ministry of Digital Economic",
"location": "body",
"scope": "nat",
"countries": [
"TH"
]
},
{
"name": "nat_th_deb_forward_1",
"pattern": "Location: http://103.208.24.21",
"location": "header",
"scope": "nat",
"countries": [
"TH"
]
},
{
"name": "nat_th_deb_forward_2",
"pattern": "Location: http://103.86.50.16",
"location": "header",
"scope": "nat",
"countries": [
"TH"
]
},
{
"name": "nat_th_forward_1",
"pattern": "Location: http://103.208.24.21",
"location": "header",
"scope": "nat",
"countries": [
"TH"
]
},
{
"name": "nat_th_ictprohibit_block",
"pattern": "pPGh0bWwgeG1sbnM6dj0idXJuOnNjaGVtYXMtbWljcm9zb2Z0LWNvbTp2bWwiDQp4bWxuczpvPSJ1cm46c",
"location": "body",
"scope": "nat",
"countries": [
"TH"
]
},
{
"name": "nat_th_ictprohibit_forward",
"pattern": "prohibit.ais-idc.com",
"location": "header",
"scope": "nat",
"countries": [
"TH"
]
},
{
"name": "prod_asus_router_block_forward",
"pattern": ":80/blocking.asp?cat_id=",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_bluecoat_notify_forward",
"pattern": "notify.bluecoat.com",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_bluecoat_notify_notification",
"pattern": "://notify.bluecoat.com",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_checkpoint_urlfilter_blockpage",
"pattern": "Check Point UserCheck",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_checkpoint_urlfilter_forward",
"pattern": "/UserCheck/PortalMain?IID=",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_cisco_opendns_block_1",
"pattern": "This site is blocked due to content filtering.",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_cisco_opendns_forward",
"pattern": ".opendns.com/",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_cisco_opendns_forward_2",
"pattern": "https://block.opendns.com/?url=",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_ciscomeraki_filter_block",
"pattern": "This website is blocked by your network operator.",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_ciscomeraki_filter_forward",
"pattern": "http://wired.meraki.com:8090/blocked.cgi",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_comodo_securedns_forward",
"pattern": "warn.recursive.dnsbycomodo.com",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_comodo_securedns_warning",
"pattern": "://www.comodo.com/home/internet-security/submit.php?",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_contentkeeper",
"pattern": "Blocked by ContentKeeper",
"location": "body",
"scope": "prod",
"countries": [
"IL"
]
},
{
"name": "prod_forcepoint_websense_blockpage",
"pattern": ":15871/cgi-bin/blockpage.cgi",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_forcepoint_websense_blockpage_2",
"pattern": ":15871/cgi-bin/block_message.cgi",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_forcepoint_websense_forward",
"pattern": ":15871/cgi-bin/blockpage.cgi",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_fortiguard_ips_block",
"pattern": "FortiGuard Intrusion Prevention - Access Blocked",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_fortiguard_webfilter_blocktext",
"pattern": "You have tried to access a web page which is in violation of your internet usage policy.",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_fortiguard_webfilter_blockurl",
"pattern": ":8008/XX/YY/ZZ/CI/MGPGHGPGPFGHCDPFGGOGFGEH",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_fortiguard_webfilter_poweredby",
"pattern": "Powered By FortiGuard",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_gfi_kerio",
"pattern": "This page has been blocked by Kerio Control",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_iboss_forwardtoblock_1",
"pattern": "/ibreports/ibp/bp.html",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_iboss_forwardtoblock_2",
"pattern": "/block/restricted.html?fn=",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_iboss_forwardtoblock_3",
"pattern": "/iboss/restricted.html?fn=",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_iboss_iphantom_block",
"pattern": "Access to the requested site has been restricted due to its contents.",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_iserv_blockpage",
"pattern": "title>IServ",
"location": "body",
"scope": "prod",
"countries": [
"DE"
]
},
{
"name": "prod_iserv_forward",
"pattern": "/idesk/inet/block.php?",
"location": "header",
"scope": "prod",
"countries": [
"DE"
]
},
{
"name": "prod_juniper_webfilter",
"pattern": "Juniper Web Filtering",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_lightspeed_filter_blockpage",
"pattern": "<title>Lightspeed System - Web Access</title>",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_lightspeed_filter_forward",
"pattern": "/access?",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_nawala",
"pattern": "UA-36449470-1",
"location": "body",
"scope": "prod",
"countries": [
"ID"
]
},
{
"name": "prod_netspark_familyfilter",
"pattern": "http://mobile.netsparkmobile.com/?a=block",
"location": "body",
"scope": "prod",
"countries": [
"IL"
]
},
{
"name": "prod_netsweeper_blockpage",
"pattern": "poweredbynetsweeper.com",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_netsweeper_inject",
"pattern": "?dpid=",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_netsweeper_inject_2",
"pattern": "/webadmin/deny/",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_netsweeper_inject_3",
"pattern": "&dpruleid=",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_olfeo",
"pattern": "Server: Olfeo",
"location": "header",
"scope": "prod",
"countries": [
"FR"
]
},
{
"name": "prod_opendns_block_2",
"pattern": "This domain is blocked due to content filtering.",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_paloaltonetworks_block",
"pattern": "Access to the web page you were trying to visit has been blocked in accordance with company policy.",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_paloaltonetworks_forward",
"pattern": "/php/urlblock.php?args=",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_rmedufilter_blockpage",
"pattern": "www.rm.com/filteringpolicy/",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_rmedufilter_forward",
"pattern": ".ifl.net/filterpages/",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_sonicwall_cfc",
"pattern": "://cfssupport.sonicwall.com",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_squid_error_forward",
"pattern": "/sgerror.php?url=",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_squid_error_page",
"pattern": "Stylesheet for Squid Error pages",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_squidguard_forward",
"pattern": "squidGuard.cgi?clientaddr=",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_untangle_block",
"pattern": "This web page is blocked</b> because it violates network policy.",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_untangle_forward",
"pattern": "web-filter/blockpage?",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_vasexperts_blockpage_1",
"pattern": "www.rm.com/filteringpolicy/",
"location": "body",
"scope": "prod",
"countries": [
"RU"
]
},
{
"name": "prod_vasexperts_blockpage_2",
"pattern": "mc.yandex.ru/watch/21144079",
"location": "body",
"scope": "prod",
"countries": [
"RU"
]
},
{
"name": "prod_vasexperts_forward",
"pattern": "vasexperts.ru",
"location": "header",
"scope": "prod",
"countries": [
"RU"
]
},
{
"name": "prod_wirefilter",
"pattern": "Protected by WireFilter",
"location": "header",
"scope": "prod",
"countries": [
"SA",
"AE"
]
},
{
"name": "prod_zscaler_block",
"pattern": "Internet Security by Zscaler",
"location": "body",
"scope": "prod",
"countries": []
},
{
"name": "prod_zscaler_forward_1",
"pattern": "://gateway.zscaler.net",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prod_zscaler_forward_2",
"pattern": "://gateway.zscalertwo.net",
"location": "header",
"scope": "prod",
"countries": []
},
{
"name": "prov_vkontakte_rkn_geoblock",
"pattern": "/blank.php?rkn=",
"location": "header",
"scope": "prov",
"countries": [
"RU"
]
},
{
"name": "susp_blankhtml_1",
"pattern": "<HTML></HTML>",
"location": "body",
"scope": "isp",
"countries": []
},
{
"name": "susp_blankhtml_2",
"pattern": "<html><body></body></html>",
"location": "body",
"scope": "isp",
"countries": []
},
{
"name": "susp_blankhtml_3",
"pattern": "<html><head></head><body><!-- vbe --></body></html>",
"location": "body",
"scope": "isp",
"countries": []
},
{
"name": "susp_blankhtml_4",
"pattern": "<html><head></head><body></body></html>",
"location": "body",
"scope": "isp",
"countries": []
},
{
"name": "vbw_web_page_blocked",
"pattern": "Web Page Blocked",
"location": "body",
"scope": "vbw",
"countries": []
},
{
"name": "vbw_web_site_blocked",
"pattern": "Web Site Blocked",
"location": "body",
"scope": "vbw",
"countries": []
},
{
"name": "vbw_webpage_blocked",
"pattern": "Webpage Blocked",
"location": "body",
"scope": "vbw",
"countries": []
},
{
"name": "vbw_websiteblocked",
"pattern": "Website Blocked",
"location": "body",
"scope": "vbw",
"countries": []
}
];

export const CITIZENLAB_DNS: readonly CitizenLabDnsSignature[] = [
{
"name": "dns_br_1234",
"response": "1.2.3.4",
"scope": "br",
"countries": []
},
{
"name": "dns_br_allzero",
"response": "0.0.0.0",
"scope": "br",
"countries": []
},
{
"name": "dns_br_localhost",
"response": "127.0.0.1",
"scope": "br",
"countries": []
},
{
"name": "dns_inst_id_sehat_telkomuniversity",
"response": "dnssehat.telkomuniversity.ac.id",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_au_telstra_block_1",
"response": "101.167.166.53",
"scope": "isp",
"countries": [
"AU"
]
},
{
"name": "dns_isp_au_telstra_block_2",
"response": "101.167.164.53",
"scope": "isp",
"countries": [
"AU"
]
},
{
"name": "dns_isp_au_tpg_block",
"response": "202.136.99.184",
"scope": "isp",
"countries": [
"AU"
]
},
{
"name": "dns_isp_by_mts",
"response": "134.17.0.7",
"scope": "isp",
"countries": [
"BY"
]
},
{
"name": "dns_isp_ca_rogers_tva_telus_block",
"response": "67.43.226.22",
"scope": "isp",
"countries": [
"CA"
]
},
{
"name": "dns_isp_ca_rogers_tva_telus_block_2",
"response": "173.209.39.114",
"scope": "isp",
"countries": [
"CA"
]
},
{
"name": "dns_isp_ca_shaw_block",
"response": "64.59.135.158",
"scope": "isp",
"countries": [
"CA"
]
},
{
"name": "dns_isp_ca_teksavvy_block",
"response": "206.248.146.244",
"scope": "isp",
"countries": [
"CA"
]
},
{
"name": "dns_isp_id_comnets",
"response": "220.247.168.195",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_argon",
"response": "103.195.19.54",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_bitsnet",
"response": "103.19.56.2",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_biznet",
"response": "202.169.44.80",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_bolt_block",
"response": "202.62.29.1",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_cbn_block",
"response": "internetsehataman.cbn.net.id",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_circleone",
"response": "202.165.36.253",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_citra",
"response": "202.65.113.54",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_crypto_negatif",
"response": "202.52.141.98",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_fibernet",
"response": "27.123.220.197",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_first",
"response": "202.73.99.3",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_firstmedia",
"response": "internetpositif3.firstmedia.com",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_foxlinemedia",
"response": "103.83.96.242",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_gmedia_cname",
"response": "xblock.gmedia.net.id",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_gmedia_ip",
"response": "49.128.177.13",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_gooptix",
"response": "103.108.159.238",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_hanastar",
"response": "203.160.56.38",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_hypernet_1",
"response": "114.129.22.33",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_hypernet_2",
"response": "114.129.23.9",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_idnic_1",
"response": "203.119.13.75",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_idnic_2",
"response": "203.119.13.76",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_iforte",
"response": "trustpositif.iforte.net.id",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_jlm_negatif",
"response": "150.107.140.200",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_lintasarta",
"response": "202.152.4.67",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_ltn",
"response": "103.126.10.252",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_melsa",
"response": "filter.melsa.net.id",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_mncplay",
"response": "internetpositif.mncplaymedia.com",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_myrepublic",
"response": "158.140.186.3",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_myrepublic_block",
"response": "103.47.132.195",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_netsafeindosat_1",
"response": "netsafe.indosatm2.com",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_netsafeindosat_2",
"response": "114.6.128.8",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_nusanet",
"response": "150.107.151.151",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_ptcentrin",
"response": "block.centrin.net.id",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_smartfren",
"response": "internetsehat.smartfren.com",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_starcom",
"response": "202.50.202.50",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_starnet_dark",
"response": "113.197.108.236",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_starnet_light",
"response": "103.14.16.18",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_sumberdata",
"response": "103.10.120.3",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_telkom_bltsel_cname",
"response": "mypage.blocked.bltsel",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_telkom_bltsel_ip",
"response": "114.121.254.4",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_telkom_uzone",
"response": "36.86.63.185",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_telkom_uzone_mercusuar",
"response": "internet-positif.org",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_telkomsel_baik",
"response": "202.3.219.209",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_transhybrid_1",
"response": "58.147.184.141",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_transhybrid_2",
"response": "58.147.185.131",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_tri_blockpage",
"response": "180.214.232.61",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_tri_cname",
"response": "restricted.tri.co.id",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_tri_ip",
"response": "116.206.10.31",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_utaramedia",
"response": "103.142.60.250",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_varnion_1",
"response": "202.56.160.131",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_varnion_2",
"response": "202.56.160.132",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_varnion_3",
"response": "203.99.130.131",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_winetmedia",
"response": "103.70.68.68",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_id_sehat_xl_block",
"response": "blockpage.xl.co.id",
"scope": "isp",
"countries": [
"ID"
]
},
{
"name": "dns_isp_mm_myanmarnet_block",
"response": "59.153.90.11",
"scope": "isp",
"countries": [
"MM"
]
},
{
"name": "dns_isp_pk_nayatel_safeweb",
"response": "203.82.48.86",
"scope": "isp",
"countries": [
"PK"
]
},
{
"name": "dns_isp_pk_nayatel_surfsafely",
"response": "203.82.48.83",
"scope": "isp",
"countries": [
"PK"
]
},
{
"name": "dns_isp_rostelecom_blocksystem",
"response": "217.148.54.171",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_ru_rkn_enforta",
"response": "87.241.223.133",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_ru_rkn_ertelecom",
"response": "5.3.3.17",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_ru_rkn_mastertel",
"response": "83.69.208.124",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_ru_rkn_naukanet",
"response": "46.175.31.250",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_ru_rkn_netbynet",
"response": "212.1.226.59",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_ru_rkn_skynet",
"response": "185.37.129.10",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_ru_rkn_smoltelecom",
"response": "37.44.40.254",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_ru_rkn_zencom",
"response": "46.175.31.250",
"scope": "isp",
"countries": [
"RU"
]
},
{
"name": "dns_isp_sg_starhub_block",
"response": "202.156.3.53",
"scope": "isp",
"countries": [
"SG"
]
},
{
"name": "dns_isp_tr_turknet_chat",
"response": "193.192.98.43",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "dns_isp_tr_turknet_chat_and_socialmedia",
"response": "193.192.98.46",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "dns_isp_tr_turknet_familyprofile",
"response": "193.192.98.41",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "dns_isp_tr_turknet_game",
"response": "193.192.98.45",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "dns_isp_tr_turknet_game_and_chat",
"response": "193.192.98.48",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "dns_isp_tr_turknet_game_and_socialmedia",
"response": "193.192.98.47",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "dns_isp_tr_turknet_game_chat_socialmedia",
"response": "193.192.98.49",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "dns_isp_tr_turknet_socialmedia",
"response": "193.192.98.42",
"scope": "isp",
"countries": [
"TR"
]
},
{
"name": "dns_nat_cn_poison_01",
"response": "8.7.198.45",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_02",
"response": "37.61.54.158",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_03",
"response": "46.82.174.68",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_04",
"response": "78.16.49.15",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_05",
"response": "93.46.8.89",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_06",
"response": "159.106.121.75",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_07",
"response": "203.98.7.65",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_08",
"response": "59.24.3.173",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_09",
"response": "203.98.7.65",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_cn_poison_10",
"response": "243.185.187.39",
"scope": "nat",
"countries": [
"CN"
]
},
{
"name": "dns_nat_id_trustpositif",
"response": "trustpositif.kominfo.go.id",
"scope": "nat",
"countries": [
"ID"
]
},
{
"name": "dns_nat_ir_inject_1",
"response": "10.10.34.34",
"scope": "nat",
"countries": [
"IR"
]
},
{
"name": "dns_nat_ir_inject_2",
"response": "10.10.34.35",
"scope": "nat",
"countries": [
"IR"
]
},
{
"name": "dns_nat_it_adm_block",
"response": "217.175.53.72",
"scope": "nat",
"countries": [
"IT"
]
},
{
"name": "dns_nat_it_agcom_block",
"response": "83.224.65.74",
"scope": "nat",
"countries": [
"IT"
]
},
{
"name": "dns_nat_mm_transportcomms_block",
"response": "167.172.4.60",
"scope": "nat",
"countries": [
"MM"
]
},
{
"name": "dns_nat_mn_crc",
"response": "218.100.84.78",
"scope": "nat",
"countries": [
"MN"
]
},
{
"name": "dns_nat_my_violates",
"response": "175.139.142.25",
"scope": "nat",
"countries": [
"MY"
]
},
{
"name": "dns_nat_th_mdes_illegal",
"response": "125.26.170.3",
"scope": "nat",
"countries": [
"TH"
]
},
{
"name": "dns_nat_tr_poison",
"response": "195.175.254.2",
"scope": "nat",
"countries": [
"TR"
]
},
{
"name": "dns_prod_cleanbrowsing_1",
"response": "185.228.168.254",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_cleanbrowsing_2",
"response": "207.246.127.171",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_cleanbrowsing_3",
"response": "45.77.77.148",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_cloudveil",
"response": "45.32.203.129",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_dnswatch_1",
"response": "3.93.224.57",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_dnswatch_2",
"response": "52.206.227.167",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_flashstart",
"response": "185.236.104.104",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_fortidns",
"response": "208.91.112.55",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_id_nawala",
"response": "180.131.146.7",
"scope": "prod",
"countries": [
"ID"
]
},
{
"name": "dns_prod_opendns_1",
"response": "146.112.61.106",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_opendns_2",
"response": "208.69.32.164",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_ru_netpolice",
"response": "159.255.26.69",
"scope": "prod",
"countries": [
"RU"
]
},
{
"name": "dns_prod_safedns",
"response": "195.46.39.11",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_securely_1",
"response": "204.110.220.2",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_securely_2",
"response": "52.52.63.90",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_skydns_1",
"response": "193.58.251.1",
"scope": "prod",
"countries": [
"RU"
]
},
{
"name": "dns_prod_skydns_2",
"response": "193.58.251.11",
"scope": "prod",
"countries": [
"RU"
]
},
{
"name": "dns_prod_skydns_3",
"response": "95.217.66.240",
"scope": "prod",
"countries": [
"RU"
]
},
{
"name": "dns_prod_smartdns_proxy",
"response": "54.242.237.204",
"scope": "prod",
"countries": []
},
{
"name": "dns_prod_yandex_security_check",
"response": "93.158.134.250",
"scope": "prod",
"countries": [
"RU"
]
}
];
